# METADATA
# title: "Key vault keys rotate automatically"
# description: >-
#   Manual rotation is forgotten. Fails when a key's rotationPolicy has no lifetime action
#   of type Rotate.
# custom:
#   id: AZ-KEYVAULT-007
#   severity: low
#   resource_types: ["microsoft.keyvault/vaults/keys"]
#   frameworks:
#     cis-azure-6.0: ["8.3.9"]
#   remediation: docs/kaizen/AZ-KEYVAULT-007.md
package kumo.azure.keyvault.key_auto_rotation

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

rotates if {
	some la in as_array(object.get(props, ["rotationPolicy", "lifetimeActions"], []))
	lower(sprintf("%v", [object.get(la, ["action", "type"], "")])) == "rotate"
}

deny contains result if {
	is_true(object.get(props, ["attributes", "enabled"], true))
	not rotates
	result := {"msg": sprintf("key %s has no automatic rotation policy", [input.id])}
}
