# METADATA
# title: "S3 Block Public Access is on at the account level"
# description: >-
#   The account-level Block Public Access settings protect every current and future bucket.
#   Judged from the AWS::S3::AccountPublicAccessBlock item (configuration with
#   blockPublicAcls, ignorePublicAcls, blockPublicPolicy, restrictPublicBuckets).
# custom:
#   id: AWS-S3-009
#   severity: high
#   resource_types: ["AWS::S3::AccountPublicAccessBlock"]
#   frameworks:
#     cis-aws-7.0: ["3.1.4"]
#     aws-fsbp: ["S3.1"]
#   remediation: docs/kaizen/AWS-S3-009.md
package kumo.aws.s3.account_block_public_access

import rego.v1

deny contains result if {
	missing := [s | some s in ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]; not is_true(field(input.config, s))]
	count(missing) > 0
	result := {
		"msg": sprintf("account %s does not set S3 Block Public Access %s at account level", [input.account, concat(", ", missing)]),
		"evidence": {"missing": missing},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
