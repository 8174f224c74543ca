# METADATA
# title: "Model Armor templates block malicious URLs"
# description: >-
#   Fails when filterConfig.maliciousUriFilterSettings.filterEnforcement is not ENABLED.
# custom:
#   id: GCP-MODELARMOR-003
#   severity: medium
#   resource_types: ["modelarmor.googleapis.com/Template"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM05"]
#   remediation: docs/kaizen/GCP-MODELARMOR-003.md
package kumo.gcp.modelarmor.malicious_uri_filter

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	upper(sprintf("%v", [object.get(cfg, ["filterConfig", "maliciousUriFilterSettings", "filterEnforcement"], "")])) != "ENABLED"
	result := {"msg": sprintf("Model Armor template %s does not filter malicious URLs", [input.name]), "evidence": {"maliciousUriFilterSettings": object.get(cfg, ["filterConfig", "maliciousUriFilterSettings"], null)}}
}
