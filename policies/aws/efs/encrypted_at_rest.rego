# METADATA
# title: "EFS file systems are encrypted at rest"
# description: >-
#   EFS encryption at rest must be chosen when the file system is created. Judged from
#   Encrypted / encrypted of the AWS Config EFS item.
# custom:
#   id: AWS-EFS-001
#   severity: medium
#   resource_types: ["AWS::EFS::FileSystem"]
#   frameworks:
#     cis-aws-7.0: ["3.3.1"]
#     aws-fsbp: ["EFS.1"]
#   remediation: docs/kaizen/AWS-EFS-001.md
package kumo.aws.efs.encrypted_at_rest

import rego.v1

deny contains result if {
	v := field(input.config, "encrypted")
	not is_true(v)
	result := {"msg": sprintf("EFS file system %s is not encrypted at rest", [input.name]), "evidence": {"Encrypted": v}}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
