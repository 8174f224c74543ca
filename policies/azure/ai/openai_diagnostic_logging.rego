# METADATA
# title: "Azure OpenAI / AI Services accounts send audit and request logs"
# description: >-
#   Without a diagnostic setting there is no record of who called which deployment and how
#   much. When the inventory holds diagnostic settings, fails for an account with none
#   enabling the audit or allLogs category group (or Audit/RequestResponse).
# custom:
#   id: AZ-AI-014
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM10"]
#   remediation: docs/kaizen/AZ-AI-014.md
package kumo.azure.ai.openai_diagnostic_logging

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

diag_collected if count(resources_of("microsoft.insights/diagnosticsettings")) > 0

logged if {
	prefix := concat("", [lower(input.id), "/providers/microsoft.insights/diagnosticsettings/"])
	some d in resources_of("microsoft.insights/diagnosticsettings")
	startswith(lower(d.id), prefix)
	some l in as_array(object.get(d, ["config", "properties", "logs"], []))
	is_true(object.get(l, "enabled", false))
	lower(sprintf("%v", [object.get(l, "categoryGroup", object.get(l, "category", ""))])) in {"audit", "alllogs", "requestresponse"}
}

deny contains result if {
	diag_collected
	not logged
	result := {"msg": sprintf("Cognitive Services account %s has no diagnostic setting exporting audit or request logs", [input.name])}
}
