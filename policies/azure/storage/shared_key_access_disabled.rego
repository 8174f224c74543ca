# METADATA
# title: "Storage account shared key access is disabled"
# description: >-
#   Shared keys and the SAS tokens signed with them are long-lived bearer secrets outside
#   Entra ID. Fails when allowSharedKeyAccess is true or absent (absent means allowed).
# custom:
#   id: AZ-STORAGE-007
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.1.3"]
#   remediation: docs/kaizen/AZ-STORAGE-007.md
package kumo.azure.storage.shared_key_access_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "allowSharedKeyAccess", null)
	not v == false
	lower(sprintf("%v", [v])) != "false"
	result := {"msg": sprintf("storage account %s allows shared key (account key and SAS) authorization", [input.name]), "evidence": {"allowSharedKeyAccess": v}}
}
