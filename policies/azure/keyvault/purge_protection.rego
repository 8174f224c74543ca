# METADATA
# title: "Key vault purge protection is enabled"
# description: >-
#   Without purge protection a deleted vault or key can be purged at once, destroying every
#   secret and every CMK-encrypted dataset that depends on it. Fails when
#   enablePurgeProtection is not true.
# custom:
#   id: AZ-KEYVAULT-001
#   severity: high
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     cis-azure-6.0: ["8.3.5"]
#   remediation: docs/kaizen/AZ-KEYVAULT-001.md
package kumo.azure.keyvault.purge_protection

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "enablePurgeProtection", false))
	result := {"msg": sprintf("key vault %s does not have purge protection", [input.name])}
}
