# METADATA
# title: "SQL Server instances disable cross-database ownership chaining"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with SQLSERVER. The database
#   flag `cross db ownership chaining` must be set to `off`. An unset flag keeps the engine
#   default, which is acceptable here.
# custom:
#   id: GCP-SQL-012
#   severity: medium
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.3.2"]
#   remediation: docs/kaizen/GCP-SQL-012.md
package kumo.gcp.sql.sqlserver_cross_db_ownership_chaining

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

applies if startswith(upper(sprintf("%v", [object.get(cfg, "databaseVersion", "")])), "SQLSERVER")

allowed := {"off"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "cross db ownership chaining"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets cross db ownership chaining to %s", ["SQL Server", input.name, v]), "evidence": {"flag": "cross db ownership chaining", "value": v}}
}
