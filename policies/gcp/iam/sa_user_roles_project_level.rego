# METADATA
# title: "Service Account User and Token Creator are not granted at project level"
# description: >-
#   Granting roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator on a
#   project lets the member act as every service account in it, including future ones. Fails
#   for user, group and domain members of those roles on a project, folder or organization.
# custom:
#   id: GCP-IAM-004
#   severity: medium
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     cis-gcp-5.0: ["1.7"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-IAM-004.md
package kumo.gcp.iam.sa_user_roles_project_level

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
	role in {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}
	some m in as_array(object.get(b, "members", []))
	some prefix in ["user:", "group:", "domain:"]
	startswith(m, prefix)
	result := {"msg": sprintf("%s holds %s on all service accounts of %s", [m, role, input.name]), "evidence": {"member": m, "role": role}}
}
