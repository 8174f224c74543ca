# METADATA
# title: "Azure OpenAI / AI Services accounts encrypt with a customer-managed key"
# description: >-
#   Fine-tuning data, uploaded files and stored completions are encrypted with
#   Microsoft-managed keys unless encryption.keySource is Microsoft.KeyVault. Fails
#   otherwise.
# custom:
#   id: AZ-AI-003
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AZ-AI-003.md
package kumo.azure.ai.openai_customer_managed_key

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	src := object.get(props, ["encryption", "keySource"], "Microsoft.CognitiveServices")
	lower(sprintf("%v", [src])) != "microsoft.keyvault"
	result := {"msg": sprintf("Cognitive Services account %s does not use a customer-managed key (keySource %v)", [input.name, src]), "evidence": {"keySource": src}}
}
