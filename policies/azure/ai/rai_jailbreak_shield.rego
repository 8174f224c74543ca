# METADATA
# title: "Content filters block jailbreak attempts (prompt shield)"
# description: >-
#   The Jailbreak filter is Azure's shield against direct prompt injection. Fails when an
#   RAI policy has no Jailbreak filter on the Prompt source that is both enabled and
#   blocking (annotate-only does not protect).
# custom:
#   id: AZ-AI-006
#   severity: high
#   resource_types: ["microsoft.cognitiveservices/accounts/raipolicies"]
#   frameworks:
#     owasp-llm-2025: ["LLM01"]
#   remediation: docs/kaizen/AZ-AI-006.md
package kumo.azure.ai.rai_jailbreak_shield

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

filters := as_array(object.get(props, "contentFilters", []))

filter_on(name, source) if {
	some f in filters
	lower(sprintf("%v", [object.get(f, "name", "")])) == name
	lower(sprintf("%v", [object.get(f, "source", "")])) == source
	is_true(object.get(f, "enabled", false))
	is_true(object.get(f, "blocking", false))
}

deny contains result if {
	not filter_on("jailbreak", "prompt")
	result := {"msg": sprintf("RAI policy %s does not block jailbreak attempts (Jailbreak filter disabled or annotate-only)", [input.name])}
}
