# METADATA
# title: "Storage accounts are reached through private endpoints"
# description: >-
#   A storage account that keeps its public endpoint open and has no approved private
#   endpoint sends all traffic over public networks. Passes with an Approved private
#   endpoint connection, or when public network access is Disabled.
# custom:
#   id: AZ-STORAGE-006
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.2.1"]
#   remediation: docs/kaizen/AZ-STORAGE-006.md
package kumo.azure.storage.private_endpoint

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not lower(sprintf("%v", [object.get(props, "publicNetworkAccess", "Enabled")])) in {"disabled", "securedbyperimeter"}
	count(approved) == 0
	result := {"msg": sprintf("storage account %s has no approved private endpoint and a public endpoint", [input.name])}
}

approved contains pe.id if {
	some pe in as_array(object.get(props, "privateEndpointConnections", []))
	lower(sprintf("%v", [object.get(pe, ["properties", "privateLinkServiceConnectionState", "status"], "")])) == "approved"
}
