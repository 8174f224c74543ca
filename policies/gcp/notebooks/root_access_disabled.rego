# METADATA
# title: "Vertex AI Workbench instances disable root access"
# description: >-
#   Fails unless the metadata key notebook-disable-root is true (Workbench instances) or
#   noRootAccess is true (legacy user-managed notebooks).
# custom:
#   id: GCP-NOTEBOOKS-003
#   severity: medium
#   resource_types: ["notebooks.googleapis.com/Instance"]
#   frameworks:
#     owasp-llm-2025: ["LLM03", "LLM06"]
#   remediation: docs/kaizen/GCP-NOTEBOOKS-003.md
package kumo.gcp.notebooks.root_access_disabled

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

root_disabled if is_true(object.get(object.get(gce, "metadata", {}), "notebook-disable-root", false))

root_disabled if is_true(object.get(cfg, "noRootAccess", false))

deny contains result if {
	not root_disabled
	result := {"msg": sprintf("Workbench instance %s allows root access", [input.name]), "evidence": {"notebook-disable-root": object.get(object.get(gce, "metadata", {}), "notebook-disable-root", null)}}
}
