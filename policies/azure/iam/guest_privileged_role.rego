# METADATA
# title: "Guest users hold no privileged roles"
# description: >-
#   External (B2B guest) accounts are managed by another organisation's identity lifecycle.
#   Fails when a role assignment whose principal is a guest (principalName or signInName
#   containing #EXT#, or principalType Guest) holds Owner, Contributor, User Access
#   Administrator or Role Based Access Control Administrator at any scope.
# custom:
#   id: AZ-IAM-004
#   severity: high
#   resource_types: ["microsoft.authorization/roleassignments"]
#   frameworks:
#     cis-azure-6.0: ["5.3.2"]
#     kumo-iam: ["external-identities", "least-privilege"]
#   remediation: docs/kaizen/AZ-IAM-004.md
package kumo.azure.iam.guest_privileged_role

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

privileged_roles := {
	"8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
	"b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
	"18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
	"f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
}

role_guid := guid if {
	parts := split(lower(sprintf("%v", [object.get(props, "roleDefinitionId", "")])), "/")
	guid := parts[count(parts) - 1]
}

role_name := privileged_roles[role_guid]

role_name := n if {
	not privileged_roles[role_guid]
	some n in {v | some v in privileged_roles}
	lower(sprintf("%v", [object.get(props, "roleDefinitionName", "")])) == lower(n)
}

scope := lower(sprintf("%v", [object.get(props, "scope", "")]))

broad_scope if scope == "/"

broad_scope if regex.match(`^/subscriptions/[^/]+/?$`, scope)

broad_scope if startswith(scope, "/providers/microsoft.management/managementgroups/")

guest if contains(lower(sprintf("%v", [object.get(props, "principalName", "")])), "#ext#")

guest if contains(lower(sprintf("%v", [object.get(props, "signInName", "")])), "#ext#")

guest if lower(sprintf("%v", [object.get(props, "principalType", "")])) == "guest"

deny contains result if {
	guest
	name := role_name
	result := {"msg": sprintf("guest %v holds %s at scope %s", [object.get(props, "principalName", object.get(props, "principalId", "?")), name, scope]), "evidence": {"role": name, "scope": scope}}
}
