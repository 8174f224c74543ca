# METADATA
# title: "Dataproc clusters encrypt disks with a customer-managed key"
# description: >-
#   Fails when config.encryptionConfig.gcePdKmsKeyName is absent.
# custom:
#   id: GCP-DATAPROC-001
#   severity: low
#   resource_types: ["dataproc.googleapis.com/Cluster"]
#   frameworks:
#     cis-gcp-5.0: ["8.1"]
#   remediation: docs/kaizen/GCP-DATAPROC-001.md
package kumo.gcp.dataproc.cluster_cmek

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
	object.get(cfg, ["config", "encryptionConfig", "gcePdKmsKeyName"], "") == ""
	result := {"msg": sprintf("Dataproc cluster %s does not encrypt disks with a customer-managed key", [input.name]), "evidence": {"encryptionConfig": object.get(cfg, ["config", "encryptionConfig"], null)}}
}
