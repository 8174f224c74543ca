# METADATA
# title: "Azure OpenAI / AI Services accounts disable API key authentication"
# description: >-
#   API keys are shared bearer secrets that bypass Entra ID, Conditional Access and per-user
#   audit. Fails when disableLocalAuth is absent or not true (absent means keys are
#   accepted).
# custom:
#   id: AZ-AI-001
#   severity: high
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM10"]
#   remediation: docs/kaizen/AZ-AI-001.md
package kumo.azure.ai.openai_local_auth_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "disableLocalAuth", false))
	result := {"msg": sprintf("Cognitive Services account %s accepts API keys (disableLocalAuth is not true)", [input.name]), "evidence": {"disableLocalAuth": object.get(props, "disableLocalAuth", null)}}
}
