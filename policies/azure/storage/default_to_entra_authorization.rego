# METADATA
# title: "The portal defaults to Entra authorization for storage data"
# description: >-
#   When defaultToOAuthAuthentication is off the portal reads data with the account key,
#   hiding who accessed what. Fails when shared keys are allowed and
#   defaultToOAuthAuthentication is not true; accounts with shared key access disabled pass
#   (the portal must use Entra ID).
# custom:
#   id: AZ-STORAGE-012
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.3.1"]
#   remediation: docs/kaizen/AZ-STORAGE-012.md
package kumo.azure.storage.default_to_entra_authorization

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

shared_keys_allowed if not lower(sprintf("%v", [object.get(props, "allowSharedKeyAccess", true)])) == "false"

deny contains result if {
	shared_keys_allowed
	not is_true(object.get(props, "defaultToOAuthAuthentication", false))
	result := {"msg": sprintf("storage account %s lets the portal use the account key by default", [input.name])}
}
