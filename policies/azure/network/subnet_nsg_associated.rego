# METADATA
# title: "Subnets are associated with network security groups"
# description: >-
#   A subnet without an NSG has no network filtering at all. Checks every subnet of a
#   virtual network except GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet
#   and RouteServerSubnet, which cannot carry NSGs.
# custom:
#   id: AZ-NETWORK-009
#   severity: medium
#   resource_types: ["microsoft.network/virtualnetworks"]
#   frameworks:
#     cis-azure-6.0: ["7.11"]
#   remediation: docs/kaizen/AZ-NETWORK-009.md
package kumo.azure.network.subnet_nsg_associated

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

exempt := {"gatewaysubnet", "azurefirewallsubnet", "azurefirewallmanagementsubnet", "routeserversubnet"}

deny contains result if {
	some s in as_array(object.get(props, "subnets", []))
	name := sprintf("%v", [object.get(s, "name", "")])
	not lower(name) in exempt
	sp := object.get(s, "properties", s)
	object.get(sp, ["networkSecurityGroup", "id"], "") == ""
	result := {"msg": sprintf("subnet %s of virtual network %s has no network security group", [name, input.name]), "evidence": {"subnet": name}}
}
