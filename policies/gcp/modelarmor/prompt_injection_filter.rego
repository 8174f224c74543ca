# METADATA
# title: "Model Armor templates detect prompt injection and jailbreaks"
# description: >-
#   Fails when filterConfig.piAndJailbreakFilterSettings.filterEnforcement is not ENABLED,
#   or its confidence level is HIGH only (which lets most attacks through).
# custom:
#   id: GCP-MODELARMOR-001
#   severity: high
#   resource_types: ["modelarmor.googleapis.com/Template"]
#   frameworks:
#     owasp-llm-2025: ["LLM01"]
#   remediation: docs/kaizen/GCP-MODELARMOR-001.md
package kumo.gcp.modelarmor.prompt_injection_filter

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

pi := object.get(cfg, ["filterConfig", "piAndJailbreakFilterSettings"], {})

deny contains result if {
	upper(sprintf("%v", [object.get(pi, "filterEnforcement", "")])) != "ENABLED"
	result := {"msg": sprintf("Model Armor template %s does not enable the prompt injection and jailbreak filter", [input.name]), "evidence": {"piAndJailbreakFilterSettings": pi}}
}

deny contains result if {
	upper(sprintf("%v", [object.get(pi, "filterEnforcement", "")])) == "ENABLED"
	upper(sprintf("%v", [object.get(pi, "confidenceLevel", "")])) == "HIGH"
	result := {"msg": sprintf("Model Armor template %s flags prompt injection only at HIGH confidence", [input.name]), "evidence": {"confidenceLevel": pi.confidenceLevel}}
}
