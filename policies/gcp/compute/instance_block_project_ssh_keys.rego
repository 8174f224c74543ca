# METADATA
# title: "VM instances block project-wide SSH keys"
# description: >-
#   Fails unless instance metadata block-project-ssh-keys is true or the instance enables OS
#   Login (which ignores metadata SSH keys). GKE nodes (names starting gke- or labelled
#   goog-gke-node) are skipped.
# custom:
#   id: GCP-COMPUTE-004
#   severity: medium
#   resource_types: ["compute.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["4.3"]
#   remediation: docs/kaizen/GCP-COMPUTE-004.md
package kumo.gcp.compute.instance_block_project_ssh_keys

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

ok if meta("block-project-ssh-keys") == "true"

ok if meta("enable-oslogin") == "true"

deny contains result if {
	not gke
	not ok
	result := {"msg": sprintf("instance %s accepts project-wide SSH keys", [input.name]), "evidence": {"metadata": object.get(cfg, "metadata", null)}}
}
