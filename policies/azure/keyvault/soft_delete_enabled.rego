# METADATA
# title: "Key vault soft delete is not disabled"
# description: >-
#   Soft delete lets deleted vaults and objects be recovered. Fails when enableSoftDelete is
#   explicitly false (new vaults cannot turn it off).
# custom:
#   id: AZ-KEYVAULT-009
#   severity: high
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     mcsb: ["DP-8"]
#   remediation: docs/kaizen/AZ-KEYVAULT-009.md
package kumo.azure.keyvault.soft_delete_enabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "enableSoftDelete", true)
	lower(sprintf("%v", [v])) == "false"
	result := {"msg": sprintf("key vault %s has soft delete disabled", [input.name])}
}
