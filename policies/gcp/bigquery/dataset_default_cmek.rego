# METADATA
# title: "BigQuery datasets set a default customer-managed key"
# description: >-
#   Fails when defaultEncryptionConfiguration.kmsKeyName is absent, so new tables get
#   Google-managed encryption.
# custom:
#   id: GCP-BIGQUERY-002
#   severity: low
#   resource_types: ["bigquery.googleapis.com/Dataset"]
#   frameworks:
#     cis-gcp-5.0: ["7.3"]
#   remediation: docs/kaizen/GCP-BIGQUERY-002.md
package kumo.gcp.bigquery.dataset_default_cmek

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
	object.get(cfg, ["defaultEncryptionConfiguration", "kmsKeyName"], "") == ""
	result := {"msg": sprintf("dataset %s has no default customer-managed key", [input.name]), "evidence": {"defaultEncryptionConfiguration": object.get(cfg, "defaultEncryptionConfiguration", null)}}
}
