# METADATA
# title: "Network Watcher is enabled in every region with virtual networks"
# description: >-
#   Without a Network Watcher in a region, flow logs, connection troubleshooting and packet
#   capture are unavailable there. Account scope: fails for each region holding a virtual
#   network of the subscription but no Network Watcher.
# custom:
#   id: AZ-NETWORK-006
#   severity: low
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["7.6"]
#   remediation: docs/kaizen/AZ-NETWORK-006.md
package kumo.azure.network.network_watcher_enabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

vnet_regions contains lower(v.region) if {
	some v in resources_of("microsoft.network/virtualnetworks")
	v.account == input.account
}

watcher_regions contains lower(w.region) if {
	some w in resources_of("microsoft.network/networkwatchers")
	w.account == input.account
}

deny contains result if {
	some region in vnet_regions
	not region in watcher_regions
	result := {"msg": sprintf("subscription %s has virtual networks in %s but no Network Watcher there", [input.account, region]), "evidence": {"region": region}}
}
