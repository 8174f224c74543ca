# METADATA
# title: "Subscriptions with virtual machines have an Azure Bastion host"
# description: >-
#   Without Bastion, administrators reach VMs through public RDP/SSH. Account scope: fails
#   for a subscription that holds virtual machines but no microsoft.network/bastionhosts.
# custom:
#   id: AZ-NETWORK-015
#   severity: low
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["8.4.1"]
#   remediation: docs/kaizen/AZ-NETWORK-015.md
package kumo.azure.network.bastion_host_exists

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	some v in resources_of("microsoft.compute/virtualmachines")
	v.account == input.account
	count([b | some b in resources_of("microsoft.network/bastionhosts"); b.account == input.account]) == 0
	result := {"msg": sprintf("subscription %s has virtual machines but no Azure Bastion host", [input.account])}
}
