# METADATA
# title: "User Access Administrator is not assigned at root, management-group or subscription scope"
# description: >-
#   User Access Administrator lets its holder grant any role, including Owner, to anyone.
#   Fails for every assignment of this role at root (/), management-group or subscription
#   scope, including the elevated access of Global Administrators.
# custom:
#   id: AZ-IAM-002
#   severity: critical
#   resource_types: ["microsoft.authorization/roleassignments"]
#   frameworks:
#     cis-azure-6.0: ["5.3.3"]
#     kumo-iam: ["privilege-escalation"]
#   remediation: docs/kaizen/AZ-IAM-002.md
package kumo.azure.iam.user_access_administrator_restricted

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

deny contains result if {
	broad_scope
	role_name == "User Access Administrator"
	result := {"msg": sprintf("User Access Administrator is assigned to %v at scope %s", [object.get(props, "principalId", "?"), scope]), "evidence": {"scope": scope}}
}
