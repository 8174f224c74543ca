# METADATA
# title: "Cloud Storage buckets are not readable or writable by allUsers or allAuthenticatedUsers"
# description: >-
#   Fails when the bucket IAM policy binds any role to allUsers or allAuthenticatedUsers
#   (public, or any Google account).
# custom:
#   id: GCP-STORAGE-001
#   severity: critical
#   resource_types: ["storage.googleapis.com/Bucket"]
#   frameworks:
#     cis-gcp-5.0: ["5.1"]
#     kumo-iam: ["public-access"]
#     owasp-llm-2025: ["LLM02", "LLM04"]
#   remediation: docs/kaizen/GCP-STORAGE-001.md
package kumo.gcp.storage.bucket_not_public

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
	result := {"msg": sprintf("bucket %s grants %v to %s", [input.name, object.get(b, "role", ""), m]), "evidence": {"member": m, "role": object.get(b, "role", "")}}
}
