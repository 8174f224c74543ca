# METADATA
# title: "Cloud KMS keys are not accessible to allUsers or allAuthenticatedUsers"
# description: >-
#   Fails when the key's IAM policy binds any role to allUsers or allAuthenticatedUsers.
# custom:
#   id: GCP-KMS-001
#   severity: critical
#   resource_types: ["cloudkms.googleapis.com/CryptoKey"]
#   frameworks:
#     cis-gcp-5.0: ["1.10"]
#     kumo-iam: ["public-access"]
#   remediation: docs/kaizen/GCP-KMS-001.md
package kumo.gcp.kms.key_not_public

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	some b in bindings
	some m in as_array(object.get(b, "members", []))
	m in {"allUsers", "allAuthenticatedUsers"}
	result := {"msg": sprintf("key %s grants %v to %s", [input.name, object.get(b, "role", ""), m]), "evidence": {"member": m}}
}
