# METADATA
# title: "Key vaults use the Azure RBAC permission model"
# description: >-
#   Vault access policies are coarse, cannot be managed with PIM and are invisible to role
#   assignment reviews. Fails when enableRbacAuthorization is not true.
# custom:
#   id: AZ-KEYVAULT-002
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     cis-azure-6.0: ["8.3.6"]
#   remediation: docs/kaizen/AZ-KEYVAULT-002.md
package kumo.azure.keyvault.rbac_authorization

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "enableRbacAuthorization", false))
	result := {"msg": sprintf("key vault %s uses legacy access policies instead of Azure RBAC", [input.name])}
}
