# METADATA
# title: "Blob soft delete is enabled"
# description: >-
#   Without blob soft delete a deleted or overwritten blob is gone immediately. Fails when
#   the blob service deleteRetentionPolicy.enabled is not true.
# custom:
#   id: AZ-STORAGE-015
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts/blobservices"]
#   frameworks:
#     cis-azure-6.0: ["9.2.1"]
#   remediation: docs/kaizen/AZ-STORAGE-015.md
package kumo.azure.storage.blob_soft_delete

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["deleteRetentionPolicy", "enabled"], false))
	result := {"msg": sprintf("blob service %s has blob soft delete disabled", [input.id])}
}
