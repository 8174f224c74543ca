# METADATA
# title: "Cloud SQL instances have no public IP address"
# description: >-
#   Fails for primary instances (read replicas are skipped) with a PRIMARY (public) entry in
#   ipAddresses or settings.ipConfiguration.ipv4Enabled true.
# custom:
#   id: GCP-SQL-020
#   severity: high
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.7"]
#   remediation: docs/kaizen/GCP-SQL-020.md
package kumo.gcp.sql.no_public_ip

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

public if {
	some a in as_array(object.get(cfg, "ipAddresses", []))
	upper(sprintf("%v", [object.get(a, "type", "")])) == "PRIMARY"
}

public if is_true(object.get(cfg, ["settings", "ipConfiguration", "ipv4Enabled"], false))

deny contains result if {
	not replica
	public
	result := {"msg": sprintf("Cloud SQL instance %s has a public IP address", [input.name]), "evidence": {"ipAddresses": object.get(cfg, "ipAddresses", [])}}
}
