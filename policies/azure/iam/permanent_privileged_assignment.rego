# METADATA
# title: "No standing Owner, Contributor or access-admin roles at subscription or management-group scope"
# description: >-
#   Owner, Contributor, User Access Administrator and Role Based Access Control
#   Administrator held permanently at subscription, management-group or root scope give a
#   stolen session full control with no activation step. Fails for such a role assignment
#   unless a PIM schedule instance in the inventory
#   (microsoft.authorization/roleassignmentscheduleinstances, Activated or with an end time)
#   backs it.
# custom:
#   id: AZ-IAM-001
#   severity: high
#   resource_types: ["microsoft.authorization/roleassignments"]
#   frameworks:
#     kumo-iam: ["standing-privilege", "least-privilege"]
#   remediation: docs/kaizen/AZ-IAM-001.md
package kumo.azure.iam.permanent_privileged_assignment

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

pim_backed if {
	some s in resources_of("microsoft.authorization/roleassignmentscheduleinstances")
	sp := object.get(s, ["config", "properties"], {})
	lower(sprintf("%v", [object.get(sp, "principalId", "")])) == lower(sprintf("%v", [object.get(props, "principalId", "")]))
	endswith(lower(sprintf("%v", [object.get(sp, "roleDefinitionId", "")])), concat("", ["/", role_guid]))
	time_bound(sp)
}

time_bound(sp) if lower(sprintf("%v", [object.get(sp, "assignmentType", "")])) == "activated"

time_bound(sp) if object.get(sp, "endDateTime", null) != null

deny contains result if {
	broad_scope
	name := role_name
	not pim_backed
	result := {"msg": sprintf("%s is assigned permanently to %v %v at scope %s (use a PIM eligible assignment)", [name, object.get(props, "principalType", "principal"), object.get(props, "principalId", "?"), scope]), "evidence": {"role": name, "scope": scope, "principalId": object.get(props, "principalId", null)}}
}
