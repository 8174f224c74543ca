# METADATA
# title: "Content filters run before content is returned (no asynchronous mode)"
# description: >-
#   In Asynchronous_filter (Deferred) mode completions stream to the user before the filter
#   has run. Fails when the RAI policy mode is Asynchronous_filter or Deferred.
# custom:
#   id: AZ-AI-009
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts/raipolicies"]
#   frameworks:
#     owasp-llm-2025: ["LLM05"]
#   remediation: docs/kaizen/AZ-AI-009.md
package kumo.azure.ai.rai_blocking_mode

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	mode := lower(sprintf("%v", [object.get(props, "mode", "Default")]))
	mode in {"asynchronous_filter", "deferred"}
	result := {"msg": sprintf("RAI policy %s filters asynchronously (mode %s): content reaches users before it is checked", [input.name, mode])}
}
