# METADATA
# title: "BigQuery tables are encrypted with a customer-managed key"
# description: >-
#   Fails for tables (type TABLE or unset; views are skipped) without
#   encryptionConfiguration.kmsKeyName.
# custom:
#   id: GCP-BIGQUERY-003
#   severity: low
#   resource_types: ["bigquery.googleapis.com/Table"]
#   frameworks:
#     cis-gcp-5.0: ["7.2"]
#   remediation: docs/kaizen/GCP-BIGQUERY-003.md
package kumo.gcp.bigquery.table_cmek

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

is_table if upper(sprintf("%v", [object.get(cfg, "type", "TABLE")])) in {"TABLE", "MATERIALIZED_VIEW"}

deny contains result if {
	is_table
	object.get(cfg, ["encryptionConfiguration", "kmsKeyName"], "") == ""
	result := {"msg": sprintf("table %s is not encrypted with a customer-managed key", [input.name]), "evidence": {"encryptionConfiguration": object.get(cfg, "encryptionConfiguration", null)}}
}
