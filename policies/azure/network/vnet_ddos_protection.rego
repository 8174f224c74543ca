# METADATA
# title: "DDoS Network Protection is enabled on virtual networks"
# description: >-
#   Without DDoS Network Protection, public IPs in the VNet get only basic infrastructure
#   protection. Fails when enableDdosProtection is not true.
# custom:
#   id: AZ-NETWORK-014
#   severity: low
#   resource_types: ["microsoft.network/virtualnetworks"]
#   frameworks:
#     cis-azure-6.0: ["8.5"]
#   remediation: docs/kaizen/AZ-NETWORK-014.md
package kumo.azure.network.vnet_ddos_protection

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "enableDdosProtection", false))
	result := {"msg": sprintf("virtual network %s has no DDoS Network Protection plan", [input.name])}
}
