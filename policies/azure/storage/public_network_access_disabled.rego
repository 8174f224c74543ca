# METADATA
# title: "Storage account public network access is disabled"
# description: >-
#   publicNetworkAccess Enabled exposes the data endpoints to the internet. Fails unless
#   publicNetworkAccess is Disabled (or SecuredByPerimeter); absent means Enabled.
# custom:
#   id: AZ-STORAGE-005
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.2.2"]
#   remediation: docs/kaizen/AZ-STORAGE-005.md
package kumo.azure.storage.public_network_access_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "publicNetworkAccess", "Enabled")
	not lower(sprintf("%v", [v])) in {"disabled", "securedbyperimeter"}
	result := {"msg": sprintf("storage account %s has public network access %v", [input.name, v]), "evidence": {"publicNetworkAccess": v}}
}
