# METADATA
# title: "Azure OpenAI / AI Services accounts have a managed identity"
# description: >-
#   Without a managed identity the account cannot reach Key Vault, Storage or AI Search with
#   Entra ID, which pushes teams to embed keys in data connections. Fails when identity is
#   absent or None.
# custom:
#   id: AZ-AI-004
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM06"]
#   remediation: docs/kaizen/AZ-AI-004.md
package kumo.azure.ai.openai_managed_identity

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	t := object.get(input, ["config", "identity", "type"], "None")
	lower(sprintf("%v", [t])) in {"none", "", "null"}
	result := {"msg": sprintf("Cognitive Services account %s has no managed identity", [input.name])}
}
