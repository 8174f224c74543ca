# METADATA
# title: "EBS encryption by default is enabled in every region"
# description: >-
#   With EBS encryption by default, every new volume and snapshot copy is encrypted. Judged
#   per region from GetEbsEncryptionByDefault, supplied as kumo JSONL type
#   AWS::EC2::EBSEncryptionByDefault (config = the response, EbsEncryptionByDefault
#   true/false) because AWS Config does not record it.
# custom:
#   id: AWS-EC2-008
#   severity: medium
#   resource_types: ["AWS::EC2::EBSEncryptionByDefault"]
#   frameworks:
#     cis-aws-7.0: ["6.1.1"]
#     aws-fsbp: ["EC2.7"]
#   remediation: docs/kaizen/AWS-EC2-008.md
package kumo.aws.ec2.ebs_encryption_by_default

import rego.v1

deny contains result if {
	v := field(input.config, "ebsEncryptionByDefault")
	not is_true(v)
	result := {
		"msg": sprintf("EBS encryption by default is off in %s for account %s", [input.region, input.account]),
		"evidence": {"EbsEncryptionByDefault": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
