# METADATA
# title: "Storage accounts use infrastructure (double) encryption"
# description: >-
#   Infrastructure encryption adds a second AES-256 layer with a separate key below the
#   service encryption. Fails when encryption.requireInfrastructureEncryption is not true.
# custom:
#   id: AZ-STORAGE-014
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     mcsb: ["DP-4"]
#   remediation: docs/kaizen/AZ-STORAGE-014.md
package kumo.azure.storage.infrastructure_encryption

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["encryption", "requireInfrastructureEncryption"], false))
	result := {"msg": sprintf("storage account %s does not require infrastructure encryption", [input.name])}
}
