# METADATA
# title: "SQL Server instances do not set the user options flag"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with SQLSERVER. The database
#   flag `user options` must not be set. An unset flag keeps the engine default, which is
#   acceptable here.
# custom:
#   id: GCP-SQL-014
#   severity: low
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.3.4"]
#   remediation: docs/kaizen/GCP-SQL-014.md
package kumo.gcp.sql.sqlserver_user_options

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



values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "user options"
]

deny contains result if {
	applies
	some v in values
	result := {"msg": sprintf("%s instance %s sets user options (%s)", ["SQL Server", input.name, v]), "evidence": {"flag": "user options", "value": v}}
}
