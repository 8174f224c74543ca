# METADATA
# title: "The IAM password policy prevents reuse of the last 24 passwords"
# description: >-
#   Without reuse prevention a user can rotate back to a known or leaked password. Judged
#   from PasswordReusePrevention of the account password policy (kumo JSONL type
#   AWS::IAM::PasswordPolicy); absent means no reuse prevention.
# custom:
#   id: AWS-IAM-004
#   severity: medium
#   resource_types: ["AWS::IAM::PasswordPolicy"]
#   frameworks:
#     cis-aws-7.0: ["2.9"]
#     aws-fsbp: ["IAM.7"]
#   remediation: docs/kaizen/AWS-IAM-004.md
package kumo.aws.iam.password_reuse_prevention

import rego.v1

deny contains result if {
	n := to_number(object.get(input.config, "PasswordReusePrevention", object.get(input.config, "passwordReusePrevention", 0)))
	n < 24
	result := {
		"msg": sprintf("the password policy of account %s remembers %v previous passwords (24 required)", [input.account, n]),
		"evidence": {"PasswordReusePrevention": n},
	}
}
