# METADATA
# title: "The IAM password policy requires at least 14 characters"
# description: >-
#   Short IAM user passwords are easier to guess and brute-force. Judged from the account
#   password policy (GetAccountPasswordPolicy), supplied as kumo JSONL type
#   AWS::IAM::PasswordPolicy because AWS Config does not record it.
# custom:
#   id: AWS-IAM-003
#   severity: medium
#   resource_types: ["AWS::IAM::PasswordPolicy"]
#   frameworks:
#     cis-aws-7.0: ["2.8"]
#     aws-fsbp: ["IAM.7"]
#   remediation: docs/kaizen/AWS-IAM-003.md
package kumo.aws.iam.password_min_length

import rego.v1

deny contains result if {
	length := to_number(object.get(input.config, "MinimumPasswordLength", object.get(input.config, "minimumPasswordLength", 0)))
	length < 14
	result := {
		"msg": sprintf("the password policy of account %s allows passwords of %v characters (14 required)", [input.account, length]),
		"evidence": {"MinimumPasswordLength": length},
	}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
