# METADATA
# title: "Model Armor templates screen for sensitive data"
# description: >-
#   Fails unless Sensitive Data Protection screening is on:
#   sdpSettings.basicConfig.filterEnforcement ENABLED or an sdpSettings.advancedConfig with
#   an inspect template.
# custom:
#   id: GCP-MODELARMOR-002
#   severity: high
#   resource_types: ["modelarmor.googleapis.com/Template"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/GCP-MODELARMOR-002.md
package kumo.gcp.modelarmor.sensitive_data_filter

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

sdp := object.get(cfg, ["filterConfig", "sdpSettings"], {})

sdp_on if upper(sprintf("%v", [object.get(sdp, ["basicConfig", "filterEnforcement"], "")])) == "ENABLED"

sdp_on if object.get(sdp, ["advancedConfig", "inspectTemplate"], "") != ""

deny contains result if {
	not sdp_on
	result := {"msg": sprintf("Model Armor template %s does not screen for sensitive data", [input.name]), "evidence": {"sdpSettings": sdp}}
}
