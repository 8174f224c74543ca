# METADATA
# title: "VM instances do not forward IP packets"
# description: >-
#   Fails when canIpForward is true. GKE nodes (names starting gke- or labelled
#   goog-gke-node) are skipped.
# custom:
#   id: GCP-COMPUTE-006
#   severity: medium
#   resource_types: ["compute.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["4.6"]
#   remediation: docs/kaizen/GCP-COMPUTE-006.md
package kumo.gcp.compute.instance_no_ip_forwarding

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
	is_true(object.get(cfg, "canIpForward", false))
	result := {"msg": sprintf("instance %s can forward IP packets", [input.name]), "evidence": {"canIpForward": true}}
}
