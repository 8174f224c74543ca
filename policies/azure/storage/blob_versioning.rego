# METADATA
# title: "Blob versioning is enabled"
# description: >-
#   Versioning keeps prior versions of every blob so that overwrites and malicious
#   encryption can be rolled back. Fails when the blob service isVersioningEnabled is not
#   true.
# custom:
#   id: AZ-STORAGE-017
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts/blobservices"]
#   frameworks:
#     cis-azure-6.0: ["9.2.3"]
#   remediation: docs/kaizen/AZ-STORAGE-017.md
package kumo.azure.storage.blob_versioning

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "isVersioningEnabled", false))
	result := {"msg": sprintf("blob service %s does not keep blob versions", [input.id])}
}
