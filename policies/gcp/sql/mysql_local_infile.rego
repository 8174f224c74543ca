# METADATA
# title: "MySQL instances set local_infile to off"
# description: >-
#   Applies to Cloud SQL instances whose databaseVersion starts with MYSQL. The database
#   flag `local_infile` must be set to `off`. An unset flag keeps the insecure engine
#   default and FAILs.
# custom:
#   id: GCP-SQL-002
#   severity: medium
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.1.3"]
#   remediation: docs/kaizen/GCP-SQL-002.md
package kumo.gcp.sql.mysql_local_infile

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

applies if startswith(upper(sprintf("%v", [object.get(cfg, "databaseVersion", "")])), "MYSQL")

allowed := {"off"}

values := [lower(trim_space(sprintf("%v", [object.get(f, "value", "")]))) |
	some f in as_array(object.get(cfg, ["settings", "databaseFlags"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "local_infile"
]

deny contains result if {
	applies
	some v in values
	not v in allowed
	result := {"msg": sprintf("%s instance %s sets local_infile to %s", ["MySQL", input.name, v]), "evidence": {"flag": "local_infile", "value": v}}
}

deny contains result if {
	applies
	count(values) == 0
	result := {"msg": sprintf("%s instance %s does not set local_infile (default is insecure)", ["MySQL", input.name]), "evidence": {"flag": "local_infile", "value": null}}
}
