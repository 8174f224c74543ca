# METADATA
# title: "Key vault keys have an expiration date"
# description: >-
#   Keys without an expiry are used forever, which defeats rotation. Applies to enabled keys
#   (ARM microsoft.keyvault/vaults/keys, both RBAC and access-policy vaults); fails when
#   attributes.exp is missing.
# custom:
#   id: AZ-KEYVAULT-005
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults/keys"]
#   frameworks:
#     cis-azure-6.0: ["8.3.1", "8.3.2"]
#   remediation: docs/kaizen/AZ-KEYVAULT-005.md
package kumo.azure.keyvault.key_expiration

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	attrs := object.get(props, "attributes", {})
	is_true(object.get(attrs, "enabled", true))
	object.get(attrs, "exp", null) == null
	result := {"msg": sprintf("key %s has no expiration date", [input.id])}
}
