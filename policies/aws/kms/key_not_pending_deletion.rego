# METADATA
# title: "Customer managed KMS keys are not unexpectedly scheduled for deletion"
# description: >-
#   A key in PendingDeletion becomes unusable and, after the waiting period, destroys access
#   to all data encrypted under it — a known ransomware technique. Judged from keyState of
#   customer managed keys; review that the deletion is intended.
# custom:
#   id: AWS-KMS-002
#   severity: medium
#   resource_types: ["AWS::KMS::Key"]
#   frameworks:
#     cis-aws-7.0: ["5.7"]
#   remediation: docs/kaizen/AWS-KMS-002.md
package kumo.aws.kms.key_not_pending_deletion

import rego.v1

deny contains result if {
	upper(sprintf("%v", [field(input.config, "keyManager")])) == "CUSTOMER"
	upper(sprintf("%v", [field(input.config, "keyState")])) == "PENDINGDELETION"
	result := {
		"msg": sprintf("customer managed key %s is scheduled for deletion (%v): data encrypted with it will become unrecoverable", [input.name, object.get(input.config, "deletionDate", "date unknown")]),
		"evidence": {"keyState": field(input.config, "keyState"), "deletionDate": object.get(input.config, "deletionDate", null)},
	}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
