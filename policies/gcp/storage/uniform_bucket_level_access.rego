# METADATA
# title: "Cloud Storage buckets use uniform bucket-level access"
# description: >-
#   Without uniform bucket-level access, per-object ACLs can grant access that the bucket
#   IAM policy does not show. Fails when iamConfiguration.uniformBucketLevelAccess.enabled
#   is not true.
# custom:
#   id: GCP-STORAGE-002
#   severity: medium
#   resource_types: ["storage.googleapis.com/Bucket"]
#   frameworks:
#     cis-gcp-5.0: ["5.2"]
#   remediation: docs/kaizen/GCP-STORAGE-002.md
package kumo.gcp.storage.uniform_bucket_level_access

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
	not is_true(object.get(cfg, ["iamConfiguration", "uniformBucketLevelAccess", "enabled"], false))
	result := {"msg": sprintf("bucket %s allows object ACLs (uniform bucket-level access off)", [input.name]), "evidence": {"iamConfiguration": object.get(cfg, "iamConfiguration", null)}}
}
