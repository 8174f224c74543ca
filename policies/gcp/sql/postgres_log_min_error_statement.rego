# METADATA
# title: "PostgreSQL instances set log_min_error_statement to ERROR or stricter"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with POSTGRES. The database
#   flag `log_min_error_statement` must be set to `error` (one of error, log, fatal, panic).
#   An unset flag keeps the engine default, which is acceptable here.
# custom:
#   id: GCP-SQL-008
#   severity: low
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.2.6"]
#   remediation: docs/kaizen/GCP-SQL-008.md
package kumo.gcp.sql.postgres_log_min_error_statement

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

applies if startswith(upper(sprintf("%v", [object.get(cfg, "databaseVersion", "")])), "POSTGRES")

allowed := {"error", "log", "fatal", "panic"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "log_min_error_statement"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets log_min_error_statement to %s", ["PostgreSQL", input.name, v]), "evidence": {"flag": "log_min_error_statement", "value": v}}
}
