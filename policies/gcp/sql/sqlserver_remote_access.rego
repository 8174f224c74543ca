# METADATA
# title: "SQL Server instances disable remote access"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with SQLSERVER. The database
#   flag `remote access` must be set to `off`. An unset flag keeps the insecure engine
#   default and FAILs.
# custom:
#   id: GCP-SQL-015
#   severity: medium
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.3.5"]
#   remediation: docs/kaizen/GCP-SQL-015.md
package kumo.gcp.sql.sqlserver_remote_access

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
	lower(sprintf("%v", [object.get(f, "name", "")])) == "remote access"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets remote access to %s", ["SQL Server", input.name, v]), "evidence": {"flag": "remote access", "value": v}}
}

deny contains result if {
	applies
	count(values) == 0
	result := {"msg": sprintf("%s instance %s does not set remote access (default is insecure)", ["SQL Server", input.name]), "evidence": {"flag": "remote access", "value": null}}
}
