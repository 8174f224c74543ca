# METADATA
# title: "IAM users receive permissions only through groups"
# description: >-
#   Policies attached directly to users scatter permissions and make reviews unreliable.
#   Judged from attachedManagedPolicies and userPolicyList of the AWS Config IAM user item.
# custom:
#   id: AWS-IAM-008
#   severity: low
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     cis-aws-7.0: ["2.13"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/AWS-IAM-008.md
package kumo.aws.iam.user_permissions_through_groups

import rego.v1

deny contains result if {
	some p in object.get(input.config, "attachedManagedPolicies", [])
	result := {
		"msg": sprintf("managed policy %s is attached directly to IAM user %s", [object.get(p, "policyName", object.get(p, "policyArn", "?")), input.name]),
		"evidence": {"policyArn": object.get(p, "policyArn", "")},
	}
}

deny contains result if {
	some p in object.get(input.config, "userPolicyList", [])
	result := {
		"msg": sprintf("inline policy %s is defined on IAM user %s", [object.get(p, "policyName", "?"), input.name]),
		"evidence": {"inlinePolicy": object.get(p, "policyName", "")},
	}
}
