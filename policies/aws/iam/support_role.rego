# METADATA
# title: "A role exists to manage incidents with AWS Support"
# description: >-
#   Without a role holding AWSSupportAccess, incident handling with AWS Support needs root
#   or administrators. Account-scoped: judged when the inventory holds IAM roles of the
#   account; passes when one role has the AWSSupportAccess managed policy attached.
# custom:
#   id: AWS-IAM-013
#   severity: low
#   scope: account
#   frameworks:
#     cis-aws-7.0: ["2.15"]
#   remediation: docs/kaizen/AWS-IAM-013.md
package kumo.aws.iam.support_role

import rego.v1

roles := [r | some r in data.kumo.resources["AWS::IAM::Role"]; r.account == input.account]

support_role if {
	some r in roles
	some p in object.get(r.config, "attachedManagedPolicies", [])
	endswith(object.get(p, "policyArn", ""), ":policy/AWSSupportAccess")
}

deny contains result if {
	count(roles) > 0
	not support_role
	result := {
		"msg": sprintf("no IAM role of account %s has the AWSSupportAccess policy", [input.account]),
		"evidence": {"roles_checked": count(roles)},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
