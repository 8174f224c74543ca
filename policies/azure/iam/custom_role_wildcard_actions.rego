# METADATA
# title: "Custom roles do not grant all actions (*)"
# description: >-
#   A custom role with actions ['*'] is an undocumented Owner-equivalent that escapes
#   reviews of built-in privileged roles. Fails for a custom role definition (type or
#   roleType CustomRole) whose permissions include the action *.
# custom:
#   id: AZ-IAM-003
#   severity: high
#   resource_types: ["microsoft.authorization/roledefinitions"]
#   frameworks:
#     cis-azure-6.0: ["5.4"]
#     kumo-iam: ["wildcard-permissions", "least-privilege"]
#   remediation: docs/kaizen/AZ-IAM-003.md
package kumo.azure.iam.custom_role_wildcard_actions

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

custom if lower(sprintf("%v", [object.get(props, "type", object.get(props, "roleType", ""))])) == "customrole"

deny contains result if {
	custom
	some p in as_array(object.get(props, "permissions", []))
	some a in as_array(object.get(p, "actions", []))
	a == "*"
	result := {"msg": sprintf("custom role %v grants all actions (*) on %v", [object.get(props, "roleName", input.name), object.get(props, "assignableScopes", [])]), "evidence": {"assignableScopes": object.get(props, "assignableScopes", [])}}
}
