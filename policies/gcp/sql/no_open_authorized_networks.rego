# METADATA
# title: "Cloud SQL instances do not authorize 0.0.0.0/0"
# description: >-
#   Fails when settings.ipConfiguration.authorizedNetworks contains 0.0.0.0/0 or ::/0.
# custom:
#   id: GCP-SQL-019
#   severity: critical
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.5"]
#   remediation: docs/kaizen/GCP-SQL-019.md
package kumo.gcp.sql.no_open_authorized_networks

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	some n in as_array(object.get(cfg, ["settings", "ipConfiguration", "authorizedNetworks"], []))
	object.get(n, "value", "") in {"0.0.0.0/0", "::/0"}
	result := {"msg": sprintf("Cloud SQL instance %s accepts connections from %s", [input.name, n.value]), "evidence": {"authorizedNetwork": n}}
}
