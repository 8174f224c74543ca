# METADATA
# title: "Flow logs are retained for 90 days or more"
# description: >-
#   NSG and virtual network flow logs kept for less than 90 days are gone before most
#   investigations start. Fails when retentionPolicy is enabled with 1-89 days; 0 days or a
#   disabled policy keeps logs indefinitely and passes.
# custom:
#   id: AZ-NETWORK-005
#   severity: medium
#   resource_types: ["microsoft.network/networkwatchers/flowlogs"]
#   frameworks:
#     cis-azure-6.0: ["7.5", "7.8"]
#   remediation: docs/kaizen/AZ-NETWORK-005.md
package kumo.azure.network.flow_log_retention

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	rp := object.get(props, "retentionPolicy", {})
	is_true(object.get(rp, "enabled", false))
	days := object.get(rp, "days", 0)
	is_number(days)
	days > 0
	days < 90
	result := {"msg": sprintf("flow log %s keeps logs for only %v days (need 90 or more, or 0 for unlimited)", [input.name, days]), "evidence": {"days": days}}
}
