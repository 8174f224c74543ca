# METADATA
# title: "Azure Files soft delete is enabled"
# description: >-
#   Without share soft delete a deleted file share is lost at once. Fails when the file
#   service shareDeleteRetentionPolicy.enabled is not true.
# custom:
#   id: AZ-STORAGE-018
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts/fileservices"]
#   frameworks:
#     cis-azure-6.0: ["9.1.1"]
#   remediation: docs/kaizen/AZ-STORAGE-018.md
package kumo.azure.storage.file_share_soft_delete

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["shareDeleteRetentionPolicy", "enabled"], false))
	result := {"msg": sprintf("file service %s has share soft delete disabled", [input.id])}
}
