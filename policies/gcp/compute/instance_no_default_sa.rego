# METADATA
# title: "VM instances do not run as the default compute service account"
# description: >-
#   Fails when an instance's service account is
#   PROJECT_NUMBER-compute@developer.gserviceaccount.com. GKE nodes (names starting gke- or
#   labelled goog-gke-node) are skipped.
# custom:
#   id: GCP-COMPUTE-002
#   severity: high
#   resource_types: ["compute.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["4.1"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-COMPUTE-002.md
package kumo.gcp.compute.instance_no_default_sa

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
	some e in sa_emails
	endswith(e, "-compute@developer.gserviceaccount.com")
	result := {"msg": sprintf("instance %s runs as the default compute service account %s", [input.name, e]), "evidence": {"serviceAccount": e}}
}
