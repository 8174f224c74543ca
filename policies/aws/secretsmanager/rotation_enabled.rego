# METADATA
# title: "Secrets Manager secrets rotate automatically"
# description: >-
#   Secrets without automatic rotation stay valid indefinitely wherever they were copied.
#   Judged from rotationEnabled of the AWS Config secret item.
# custom:
#   id: AWS-SECRETSMANAGER-001
#   severity: medium
#   resource_types: ["AWS::SecretsManager::Secret"]
#   frameworks:
#     aws-fsbp: ["SecretsManager.1"]
#     kumo-iam: ["long-lived-keys"]
#   remediation: docs/kaizen/AWS-SECRETSMANAGER-001.md
package kumo.aws.secretsmanager.rotation_enabled

import rego.v1

deny contains result if {
	v := field(input.config, "rotationEnabled")
	not is_true(v)
	result := {
		"msg": sprintf("secret %s does not rotate automatically", [input.name]),
		"evidence": {"RotationEnabled": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
