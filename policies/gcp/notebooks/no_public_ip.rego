# METADATA
# title: "Vertex AI Workbench instances have no public IP address"
# description: >-
#   Fails when a Workbench instance (gceSetup.disablePublicIp) or a legacy user-managed
#   notebook (noPublicIp) is given an external IP.
# custom:
#   id: GCP-NOTEBOOKS-001
#   severity: high
#   resource_types: ["notebooks.googleapis.com/Instance"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03"]
#   remediation: docs/kaizen/GCP-NOTEBOOKS-001.md
package kumo.gcp.notebooks.no_public_ip

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

gce := object.get(cfg, "gceSetup", {})

no_public_ip if is_true(object.get(gce, "disablePublicIp", false))

no_public_ip if is_true(object.get(cfg, "noPublicIp", false))

deny contains result if {
	not no_public_ip
	result := {"msg": sprintf("Workbench instance %s has a public IP address", [input.name]), "evidence": {"disablePublicIp": object.get(gce, "disablePublicIp", object.get(cfg, "noPublicIp", null))}}
}
