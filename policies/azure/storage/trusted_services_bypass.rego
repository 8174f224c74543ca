# METADATA
# title: "Trusted Microsoft services may reach the storage account"
# description: >-
#   When the firewall does not bypass AzureServices, platform services such as Backup,
#   Monitor diagnostics and Defender cannot reach the account. Fails when networkAcls.bypass
#   does not include AzureServices.
# custom:
#   id: AZ-STORAGE-009
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.5"]
#   remediation: docs/kaizen/AZ-STORAGE-009.md
package kumo.azure.storage.trusted_services_bypass

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	bypass := object.get(props, ["networkAcls", "bypass"], object.get(props, ["networkRuleSet", "bypass"], "AzureServices"))
	not contains(lower(sprintf("%v", [bypass])), "azureservices")
	result := {"msg": sprintf("storage account %s firewall does not let trusted Azure services through (bypass %v)", [input.name, bypass]), "evidence": {"bypass": bypass}}
}
