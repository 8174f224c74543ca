# METADATA
# title: "Model Armor templates block, not only inspect, and log their decisions"
# description: >-
#   Fails when templateMetadata.enforcementType is INSPECT_ONLY, or when
#   logSanitizeOperations is not enabled (no record of what was blocked).
# custom:
#   id: GCP-MODELARMOR-005
#   severity: medium
#   resource_types: ["modelarmor.googleapis.com/Template"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM02"]
#   remediation: docs/kaizen/GCP-MODELARMOR-005.md
package kumo.gcp.modelarmor.enforcement_blocks

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

meta := object.get(cfg, "templateMetadata", {})

deny contains result if {
	upper(sprintf("%v", [object.get(meta, "enforcementType", "INSPECT_AND_BLOCK")])) == "INSPECT_ONLY"
	result := {"msg": sprintf("Model Armor template %s only inspects; matches are not blocked", [input.name]), "evidence": {"enforcementType": meta.enforcementType}}
}

deny contains result if {
	not is_true(object.get(meta, "logSanitizeOperations", false))
	result := {"msg": sprintf("Model Armor template %s does not log sanitize operations", [input.name]), "evidence": {"logSanitizeOperations": object.get(meta, "logSanitizeOperations", null)}}
}
