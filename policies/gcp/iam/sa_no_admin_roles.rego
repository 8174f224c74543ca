# METADATA
# title: "Service accounts hold no Owner, Editor or *Admin roles"
# description: >-
#   A service account with a basic role or an administrator role turns any compromise of its
#   workload (or of anyone who can act as it) into control of the project. Fails for every
#   serviceAccount member of the resource's IAM policy bound to roles/owner, roles/editor or
#   a role whose name contains admin, including the default Compute Engine and App Engine
#   accounts; Google-managed service agents are skipped.
# custom:
#   id: GCP-IAM-003
#   severity: high
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     cis-gcp-5.0: ["1.6"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-IAM-003.md
package kumo.gcp.iam.sa_no_admin_roles

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

google_managed(m) if contains(m, "@gcp-sa-")

google_managed(m) if endswith(m, "@system.gserviceaccount.com")

google_managed(m) if endswith(m, "@cloudservices.gserviceaccount.com")

admin_role(r) if r in {"roles/owner", "roles/editor"}

admin_role(r) if contains(lower(r), "admin")

deny contains result if {
	some b in bindings
	role := sprintf("%v", [object.get(b, "role", "")])
	admin_role(role)
	some m in as_array(object.get(b, "members", []))
	startswith(m, "serviceAccount:")
	not google_managed(m)
	result := {"msg": sprintf("%s holds %s on %s", [m, role, input.name]), "evidence": {"member": m, "role": role}}
}
