# METADATA
# title: "Basic roles Owner and Editor are not granted to individual users"
# description: >-
#   roles/owner and roles/editor grant thousands of permissions across every service. Fails
#   for each user: member bound to them; grant predefined roles through groups instead (and
#   use PAM for temporary elevation).
# custom:
#   id: GCP-IAM-007
#   severity: high
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-IAM-007.md
package kumo.gcp.iam.no_basic_roles_for_users

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	some b in bindings
	role := sprintf("%v", [object.get(b, "role", "")])
	role in {"roles/owner", "roles/editor"}
	some m in as_array(object.get(b, "members", []))
	startswith(m, "user:")
	result := {"msg": sprintf("%s holds basic role %s on %s", [m, role, input.name]), "evidence": {"member": m, "role": role}}
}
