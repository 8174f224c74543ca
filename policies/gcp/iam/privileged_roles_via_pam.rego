# METADATA
# title: "Privileged IAM-administration roles are not standing grants to people"
# description: >-
#   Roles that can change IAM (Owner, Project/Folder IAM Admin, Organization Admin, Security
#   Admin, Organization Role Admin, Token Creator) should be obtained just in time through a
#   Privileged Access Manager entitlement, not held permanently. Fails for each user: or
#   group: member with a standing grant of one of them.
# custom:
#   id: GCP-IAM-009
#   severity: high
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     kumo-iam: ["just-in-time-access"]
#   remediation: docs/kaizen/GCP-IAM-009.md
package kumo.gcp.iam.privileged_roles_via_pam

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

privileged := {"roles/owner", "roles/resourcemanager.projectIamAdmin", "roles/resourcemanager.folderIamAdmin", "roles/resourcemanager.organizationAdmin", "roles/iam.securityAdmin", "roles/iam.organizationRoleAdmin", "roles/iam.serviceAccountTokenCreator"}

deny contains result if {
	some b in bindings
	role := sprintf("%v", [object.get(b, "role", "")])
	role in privileged
	not b.condition
	some m in as_array(object.get(b, "members", []))
	some prefix in ["user:", "group:"]
	startswith(m, prefix)
	result := {"msg": sprintf("%s holds %s on %s permanently; grant it through a PAM entitlement", [m, role, input.name]), "evidence": {"member": m, "role": role}}
}
