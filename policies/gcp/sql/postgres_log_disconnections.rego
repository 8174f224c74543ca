# METADATA
# title: "PostgreSQL instances log disconnections"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with POSTGRES. The database
#   flag `log_disconnections` must be set to `on`. An unset flag keeps the insecure engine
#   default and FAILs.
# custom:
#   id: GCP-SQL-005
#   severity: low
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.2.3"]
#   remediation: docs/kaizen/GCP-SQL-005.md
package kumo.gcp.sql.postgres_log_disconnections

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

allowed := {"on"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "log_disconnections"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets log_disconnections to %s", ["PostgreSQL", input.name, v]), "evidence": {"flag": "log_disconnections", "value": v}}
}

deny contains result if {
	applies
	count(values) == 0
	result := {"msg": sprintf("%s instance %s does not set log_disconnections (default is insecure)", ["PostgreSQL", input.name]), "evidence": {"flag": "log_disconnections", "value": null}}
}
