# METADATA
# title: "Anonymous blob access is disabled"
# description: >-
#   With allowBlobPublicAccess true any container can be switched to anonymous read. Fails
#   when allowBlobPublicAccess is true; absent means the current default (false).
# custom:
#   id: AZ-STORAGE-003
#   severity: high
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.8"]
#   remediation: docs/kaizen/AZ-STORAGE-003.md
package kumo.azure.storage.blob_anonymous_access_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	is_true(object.get(props, "allowBlobPublicAccess", false))
	result := {"msg": sprintf("storage account %s allows anonymous (public) blob access", [input.name]), "evidence": {"allowBlobPublicAccess": true}}
}
