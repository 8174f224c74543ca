# METADATA
# title: "VM instances do not use the default service account with full Cloud API access"
# description: >-
#   Fails when an instance runs as the default compute service account with the
#   cloud-platform scope (Allow full access to all Cloud APIs). GKE nodes (names starting
#   gke- or labelled goog-gke-node) are skipped.
# custom:
#   id: GCP-COMPUTE-003
#   severity: high
#   resource_types: ["compute.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["4.2"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-COMPUTE-003.md
package kumo.gcp.compute.instance_no_default_sa_full_scope

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

gke if startswith(sprintf("%v", [object.get(cfg, "name", input.name)]), "gke-")

gke if object.get(object.get(cfg, "labels", {}), "goog-gke-node", null) != null

meta(k) := v if {
	some it in as_array(object.get(cfg, ["metadata", "items"], []))
	it.key == k
	v := lower(sprintf("%v", [object.get(it, "value", "")]))
}

sa_emails := [sprintf("%v", [object.get(sa, "email", "")]) | some sa in as_array(object.get(cfg, "serviceAccounts", []))]

deny contains result if {
	not gke
	some sa in as_array(object.get(cfg, "serviceAccounts", []))
	endswith(sprintf("%v", [object.get(sa, "email", "")]), "-compute@developer.gserviceaccount.com")
	some s in as_array(object.get(sa, "scopes", []))
	s == "https://www.googleapis.com/auth/cloud-platform"
	result := {"msg": sprintf("instance %s uses the default service account with full access to all Cloud APIs", [input.name]), "evidence": {"serviceAccount": sa.email, "scope": s}}
}
