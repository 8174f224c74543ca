# METADATA
# title: "Azure OpenAI / AI Services accounts restrict outbound network access"
# description: >-
#   Tools, plugins and on-your-data connectors can make the account call arbitrary URLs.
#   Fails when restrictOutboundNetworkAccess is not true (allowedFqdnList then limits
#   destinations).
# custom:
#   id: AZ-AI-005
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM06"]
#   remediation: docs/kaizen/AZ-AI-005.md
package kumo.azure.ai.openai_outbound_restricted

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, "restrictOutboundNetworkAccess", false))
	result := {"msg": sprintf("Cognitive Services account %s may call any outbound destination", [input.name])}
}
