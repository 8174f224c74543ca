# METADATA
# title: "SQL Server instances do not limit user connections"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with SQLSERVER. The database
#   flag `user connections` must be set to `0`. An unset flag keeps the engine default,
#   which is acceptable here.
# custom:
#   id: GCP-SQL-013
#   severity: low
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.3.3"]
#   remediation: docs/kaizen/GCP-SQL-013.md
package kumo.gcp.sql.sqlserver_user_connections

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

allowed := {"0"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "user connections"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets user connections to %s", ["SQL Server", input.name, v]), "evidence": {"flag": "user connections", "value": v}}
}
