# METADATA
# title: "Storage accounts accept HTTPS only"
# description: >-
#   A storage account that accepts plain HTTP lets anyone on the path read or alter data and
#   SAS tokens in transit. Fails when supportsHttpsTrafficOnly (CLI: enableHttpsTrafficOnly)
#   is explicitly false.
# custom:
#   id: AZ-STORAGE-001
#   severity: high
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.4"]
#   remediation: docs/kaizen/AZ-STORAGE-001.md
package kumo.azure.storage.secure_transfer_required

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "supportsHttpsTrafficOnly", object.get(props, "enableHttpsTrafficOnly", null))
	v != null
	not is_true(v)
	result := {"msg": sprintf("storage account %s accepts plain HTTP (secure transfer is not required)", [input.name]), "evidence": {"supportsHttpsTrafficOnly": v}}
}
