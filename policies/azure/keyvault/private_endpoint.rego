# METADATA
# title: "Key vaults are reached through private endpoints"
# description: >-
#   A vault with an open public endpoint and no approved private endpoint is reached over
#   public networks. Passes with an Approved private endpoint connection, or when public
#   network access is Disabled.
# custom:
#   id: AZ-KEYVAULT-004
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     cis-azure-6.0: ["8.3.8"]
#   remediation: docs/kaizen/AZ-KEYVAULT-004.md
package kumo.azure.keyvault.private_endpoint

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	lower(sprintf("%v", [object.get(props, "publicNetworkAccess", "Enabled")])) != "disabled"
	count(approved) == 0
	result := {"msg": sprintf("key vault %s has no approved private endpoint and a public endpoint", [input.name])}
}

approved contains pe.id if {
	some pe in as_array(object.get(props, "privateEndpointConnections", []))
	lower(sprintf("%v", [object.get(pe, ["properties", "privateLinkServiceConnectionState", "status"], "")])) == "approved"
}
