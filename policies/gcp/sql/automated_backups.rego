# METADATA
# title: "Cloud SQL instances take automated backups"
# description: >-
#   Fails for primary instances (read replicas are skipped) whose
#   settings.backupConfiguration.enabled is not true.
# custom:
#   id: GCP-SQL-021
#   severity: medium
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.8"]
#   remediation: docs/kaizen/GCP-SQL-021.md
package kumo.gcp.sql.automated_backups

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

replica if upper(sprintf("%v", [object.get(cfg, "instanceType", "")])) == "READ_REPLICA_INSTANCE"

deny contains result if {
	not replica
	not is_true(object.get(cfg, ["settings", "backupConfiguration", "enabled"], false))
	result := {"msg": sprintf("Cloud SQL instance %s has automated backups off", [input.name]), "evidence": {"backupConfiguration": object.get(cfg, ["settings", "backupConfiguration"], null)}}
}
