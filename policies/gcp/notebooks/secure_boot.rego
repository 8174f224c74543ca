# METADATA
# title: "Vertex AI Workbench instances enable Secure Boot"
# description: >-
#   Fails unless shieldedInstanceConfig.enableSecureBoot is true (gceSetup for Workbench
#   instances, top level for legacy notebooks).
# custom:
#   id: GCP-NOTEBOOKS-004
#   severity: medium
#   resource_types: ["notebooks.googleapis.com/Instance"]
#   frameworks:
#     owasp-llm-2025: ["LLM03"]
#     cis-gcp-5.0: ["4.8"]
#   remediation: docs/kaizen/GCP-NOTEBOOKS-004.md
package kumo.gcp.notebooks.secure_boot

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

secure_boot if is_true(object.get(gce, ["shieldedInstanceConfig", "enableSecureBoot"], false))

secure_boot if is_true(object.get(cfg, ["shieldedInstanceConfig", "enableSecureBoot"], false))

deny contains result if {
	not secure_boot
	result := {"msg": sprintf("Workbench instance %s does not enable Secure Boot", [input.name]), "evidence": {"shieldedInstanceConfig": object.get(gce, "shieldedInstanceConfig", object.get(cfg, "shieldedInstanceConfig", null))}}
}
