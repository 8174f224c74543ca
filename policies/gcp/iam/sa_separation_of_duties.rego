# METADATA
# title: "No principal is both Service Account Admin and Service Account User"
# description: >-
#   A principal that can create service accounts and also act as them can mint an identity
#   with any role and use it. Fails for each member bound to both
#   roles/iam.serviceAccountAdmin and roles/iam.serviceAccountUser in the same policy.
# custom:
#   id: GCP-IAM-005
#   severity: medium
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     cis-gcp-5.0: ["1.9"]
#     kumo-iam: ["separation-of-duties"]
#   remediation: docs/kaizen/GCP-IAM-005.md
package kumo.gcp.iam.sa_separation_of_duties

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

members_of(role) := {m | some b in bindings; b.role == role; some m in as_array(object.get(b, "members", []))}

deny contains result if {
	some m in members_of("roles/iam.serviceAccountAdmin")
	m in members_of("roles/iam.serviceAccountUser")
	result := {"msg": sprintf("%s is both Service Account Admin and Service Account User on %s", [m, input.name]), "evidence": {"member": m}}
}
