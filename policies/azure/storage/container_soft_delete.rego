# METADATA
# title: "Container soft delete is enabled"
# description: >-
#   Deleting a container removes every blob in it at once. Fails when the blob service
#   containerDeleteRetentionPolicy.enabled is not true.
# custom:
#   id: AZ-STORAGE-016
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts/blobservices"]
#   frameworks:
#     cis-azure-6.0: ["9.2.2"]
#   remediation: docs/kaizen/AZ-STORAGE-016.md
package kumo.azure.storage.container_soft_delete

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["containerDeleteRetentionPolicy", "enabled"], false))
	result := {"msg": sprintf("blob service %s has container soft delete disabled", [input.id])}
}
