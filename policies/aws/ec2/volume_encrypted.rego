# METADATA
# title: "EBS volumes are encrypted"
# description: >-
#   Attached and detached EBS volumes should be encrypted at rest. Judged from the encrypted
#   flag of the AWS Config volume item.
# custom:
#   id: AWS-EC2-009
#   severity: medium
#   resource_types: ["AWS::EC2::Volume"]
#   frameworks:
#     cis-aws-7.0: ["6.1.1"]
#     aws-fsbp: ["EC2.3"]
#   remediation: docs/kaizen/AWS-EC2-009.md
package kumo.aws.ec2.volume_encrypted

import rego.v1

deny contains result if {
	not is_true(field(input.config, "encrypted"))
	result := {
		"msg": sprintf("EBS volume %s is not encrypted", [input.name]),
		"evidence": {"encrypted": field(input.config, "encrypted"), "attachments": object.get(input.config, "attachments", [])},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
