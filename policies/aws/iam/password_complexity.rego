# METADATA
# title: "The IAM password policy requires all character classes"
# description: >-
#   Requiring upper- and lower-case letters, numbers and symbols raises the cost of guessing
#   IAM user passwords. Judged from RequireSymbols, RequireNumbers,
#   RequireUppercaseCharacters and RequireLowercaseCharacters of the account password policy
#   (kumo JSONL type AWS::IAM::PasswordPolicy).
# custom:
#   id: AWS-IAM-022
#   severity: low
#   resource_types: ["AWS::IAM::PasswordPolicy"]
#   frameworks:
#     cis-aws-7.0: ["2.8"]
#     aws-fsbp: ["IAM.7"]
#   remediation: docs/kaizen/AWS-IAM-022.md
package kumo.aws.iam.password_complexity

import rego.v1

deny contains result if {
	some s in ["RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters", "RequireLowercaseCharacters"]
	not is_true(object.get(input.config, s, false))
	result := {
		"msg": sprintf("the password policy of account %s does not set %s", [input.account, s]),
		"evidence": {"setting": s},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
