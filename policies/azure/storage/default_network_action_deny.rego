# METADATA
# title: "Storage account firewall denies by default"
# description: >-
#   A storage account whose network rule set defaults to Allow accepts connections from
#   every network. Fails when networkAcls.defaultAction (CLI: networkRuleSet) is not Deny;
#   absent means Allow.
# custom:
#   id: AZ-STORAGE-004
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.2.3"]
#   remediation: docs/kaizen/AZ-STORAGE-004.md
package kumo.azure.storage.default_network_action_deny

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	action := object.get(props, ["networkAcls", "defaultAction"], object.get(props, ["networkRuleSet", "defaultAction"], "Allow"))
	lower(sprintf("%v", [action])) != "deny"
	result := {"msg": sprintf("storage account %s accepts traffic from all networks (default action %v)", [input.name, action]), "evidence": {"defaultAction": action}}
}
