# METADATA
# title: "SQL Server instances set trace flag 3625"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with SQLSERVER. The database
#   flag `3625` must be set to `on`. An unset flag keeps the insecure engine default and
#   FAILs.
# custom:
#   id: GCP-SQL-016
#   severity: low
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.3.6"]
#   remediation: docs/kaizen/GCP-SQL-016.md
package kumo.gcp.sql.sqlserver_3625

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

allowed := {"on"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "3625"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets 3625 to %s", ["SQL Server", input.name, v]), "evidence": {"flag": "3625", "value": v}}
}

deny contains result if {
	applies
	count(values) == 0
	result := {"msg": sprintf("%s instance %s does not set 3625 (default is insecure)", ["SQL Server", input.name]), "evidence": {"flag": "3625", "value": null}}
}
