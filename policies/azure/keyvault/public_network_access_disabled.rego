# METADATA
# title: "Key vault public network access is disabled"
# description: >-
#   A vault with public network access Enabled can be reached from any internet address.
#   Fails unless publicNetworkAccess is Disabled; absent means Enabled.
# custom:
#   id: AZ-KEYVAULT-003
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     cis-azure-6.0: ["8.3.7"]
#   remediation: docs/kaizen/AZ-KEYVAULT-003.md
package kumo.azure.keyvault.public_network_access_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "publicNetworkAccess", "Enabled")
	lower(sprintf("%v", [v])) != "disabled"
	result := {"msg": sprintf("key vault %s has public network access %v", [input.name, v]), "evidence": {"publicNetworkAccess": v}}
}
