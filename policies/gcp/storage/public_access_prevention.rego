# METADATA
# title: "Cloud Storage buckets enforce public access prevention"
# description: >-
#   Public access prevention blocks any future allUsers / allAuthenticatedUsers grant on the
#   bucket. Fails when iamConfiguration.publicAccessPrevention is not enforced (inherited
#   only protects if an organization policy enforces it, which the bucket record does not
#   show).
# custom:
#   id: GCP-STORAGE-003
#   severity: high
#   resource_types: ["storage.googleapis.com/Bucket"]
#   frameworks:
#     cis-gcp-5.0: ["5.1"]
#     kumo-iam: ["public-access"]
#   remediation: docs/kaizen/GCP-STORAGE-003.md
package kumo.gcp.storage.public_access_prevention

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
	lower(sprintf("%v", [object.get(cfg, ["iamConfiguration", "publicAccessPrevention"], "inherited")])) != "enforced"
	result := {"msg": sprintf("bucket %s does not enforce public access prevention", [input.name]), "evidence": {"publicAccessPrevention": object.get(cfg, ["iamConfiguration", "publicAccessPrevention"], null)}}
}
