# METADATA
# title: "Project, folder and organization IAM policies grant nothing to allUsers or allAuthenticatedUsers"
# description: >-
#   allUsers is anyone on the internet and allAuthenticatedUsers is anyone with any Google
#   account. Fails for every binding of a project, folder or organization policy that
#   includes either.
# custom:
#   id: GCP-IAM-008
#   severity: critical
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     kumo-iam: ["public-access"]
#   remediation: docs/kaizen/GCP-IAM-008.md
package kumo.gcp.iam.no_public_iam_bindings

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
	some m in as_array(object.get(b, "members", []))
	m in {"allUsers", "allAuthenticatedUsers"}
	result := {"msg": sprintf("%s grants %v to %s", [input.name, object.get(b, "role", ""), m]), "evidence": {"member": m, "role": object.get(b, "role", "")}}
}
