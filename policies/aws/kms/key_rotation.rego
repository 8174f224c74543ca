# METADATA
# title: "Customer managed symmetric KMS keys rotate automatically"
# description: >-
#   Automatic rotation replaces the key material yearly (or on a shorter period) while
#   keeping old material for decryption. Judged from supplementary KeyRotationStatus of
#   enabled, customer managed, SYMMETRIC_DEFAULT keys; AWS managed, asymmetric, HMAC,
#   imported and pending-deletion keys are exempt.
# custom:
#   id: AWS-KMS-001
#   severity: medium
#   resource_types: ["AWS::KMS::Key"]
#   frameworks:
#     cis-aws-7.0: ["4.6"]
#     aws-fsbp: ["KMS.4"]
#   remediation: docs/kaizen/AWS-KMS-001.md
package kumo.aws.kms.key_rotation

import rego.v1

applies if {
	upper(sprintf("%v", [field(input.config, "keyManager")])) == "CUSTOMER"
	spec := upper(sprintf("%v", [object.get(input.config, "keySpec", object.get(input.config, "customerMasterKeySpec", "SYMMETRIC_DEFAULT"))]))
	spec == "SYMMETRIC_DEFAULT"
	upper(sprintf("%v", [object.get(input.config, "origin", "AWS_KMS")])) == "AWS_KMS"
	upper(sprintf("%v", [object.get(input.config, "keyState", "Enabled")])) == "ENABLED"
}

deny contains result if {
	applies
	status := object.get(input, ["supplementary", "KeyRotationStatus"], false)
	not is_true(status)
	result := {
		"msg": sprintf("customer managed key %s does not rotate automatically", [input.name]),
		"evidence": {"KeyRotationStatus": status, "description": object.get(input.config, "description", "")},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
