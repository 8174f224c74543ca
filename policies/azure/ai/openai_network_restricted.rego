# METADATA
# title: "Azure OpenAI / AI Services accounts are not open to the internet"
# description: >-
#   An account with public network access Enabled and no Deny network rule accepts calls
#   from any address. Fails unless publicNetworkAccess is Disabled or
#   networkAcls.defaultAction is Deny.
# custom:
#   id: AZ-AI-002
#   severity: high
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM10"]
#   remediation: docs/kaizen/AZ-AI-002.md
package kumo.azure.ai.openai_network_restricted

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	lower(sprintf("%v", [object.get(props, "publicNetworkAccess", "Enabled")])) != "disabled"
	lower(sprintf("%v", [object.get(props, ["networkAcls", "defaultAction"], "Allow")])) != "deny"
	result := {"msg": sprintf("Cognitive Services account %s is reachable from the whole internet", [input.name]), "evidence": {"publicNetworkAccess": object.get(props, "publicNetworkAccess", null), "networkAcls": object.get(props, "networkAcls", null)}}
}
