# METADATA
# title: "AWSCloudShellFullAccess is not attached"
# description: >-
#   CloudShell with full access allows file upload/download and outbound internet from a
#   shell holding the user's credentials, a data-exfiltration path. Judged from
#   attachedManagedPolicies of IAM users, roles and groups.
# custom:
#   id: AWS-IAM-025
#   severity: low
#   resource_types: ["AWS::IAM::User", "AWS::IAM::Role", "AWS::IAM::Group"]
#   frameworks:
#     cis-aws-7.0: ["2.20"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/AWS-IAM-025.md
package kumo.aws.iam.cloudshell_full_access_restricted

import rego.v1

deny contains result if {
	some p in object.get(input.config, "attachedManagedPolicies", [])
	endswith(object.get(p, "policyArn", ""), ":policy/AWSCloudShellFullAccess")
	result := {
		"msg": sprintf("%s %s has AWSCloudShellFullAccess attached", [input.type, input.name]),
		"evidence": {"policyArn": p.policyArn},
	}
}
