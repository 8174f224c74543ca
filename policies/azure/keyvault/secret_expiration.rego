# METADATA
# title: "Key vault secrets have an expiration date"
# description: >-
#   Secrets without an expiry are never forced through rotation. Applies to enabled secrets
#   (ARM microsoft.keyvault/vaults/secrets); fails when attributes.exp is missing.
# custom:
#   id: AZ-KEYVAULT-006
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults/secrets"]
#   frameworks:
#     cis-azure-6.0: ["8.3.3", "8.3.4"]
#   remediation: docs/kaizen/AZ-KEYVAULT-006.md
package kumo.azure.keyvault.secret_expiration

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
	result := {"msg": sprintf("secret %s has no expiration date", [input.id])}
}
