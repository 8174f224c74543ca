# METADATA
# title: "N2D/C2D/C3D instances enable Confidential Computing"
# description: >-
#   For machine types that support AMD SEV (n2d-, c2d-, c3d-), fails unless
#   confidentialInstanceConfig.enableConfidentialCompute is true (or a
#   confidentialInstanceType is set). Other machine types are not judged. GKE nodes (names
#   starting gke- or labelled goog-gke-node) are skipped.
# custom:
#   id: GCP-COMPUTE-009
#   severity: low
#   resource_types: ["compute.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["4.11"]
#   remediation: docs/kaizen/GCP-COMPUTE-009.md
package kumo.gcp.compute.instance_confidential_computing

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

mt := lower(sprintf("%v", [object.get(cfg, "machineType", "")]))

supported if regex.match(`(^|/)(n2d|c2d|c3d)-`, mt)

confidential if is_true(object.get(cfg, ["confidentialInstanceConfig", "enableConfidentialCompute"], false))

confidential if object.get(cfg, ["confidentialInstanceConfig", "confidentialInstanceType"], "") != ""

deny contains result if {
	not gke
	supported
	not confidential
	result := {"msg": sprintf("instance %s (%s) does not enable Confidential Computing", [input.name, mt]), "evidence": {"confidentialInstanceConfig": object.get(cfg, "confidentialInstanceConfig", null)}}
}
