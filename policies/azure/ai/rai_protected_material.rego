# METADATA
# title: "Content filters detect protected material"
# description: >-
#   Protected Material Text must be enabled and blocking on completions, and Protected
#   Material Code enabled, so the model does not hand back copyrighted text or licensed
#   code. Fails otherwise.
# custom:
#   id: AZ-AI-010
#   severity: low
#   resource_types: ["microsoft.cognitiveservices/accounts/raipolicies"]
#   frameworks:
#     owasp-llm-2025: ["LLM05", "LLM09"]
#   remediation: docs/kaizen/AZ-AI-010.md
package kumo.azure.ai.rai_protected_material

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

filters := as_array(object.get(props, "contentFilters", []))

present(name, blocking_required) if {
	some f in filters
	lower(sprintf("%v", [object.get(f, "name", "")])) == name
	lower(sprintf("%v", [object.get(f, "source", "completion")])) == "completion"
	is_true(object.get(f, "enabled", false))
	blocking_ok(f, blocking_required)
}

blocking_ok(_, false) := true

blocking_ok(f, true) if is_true(object.get(f, "blocking", false))

deny contains result if {
	not present("protected material text", true)
	result := {"msg": sprintf("RAI policy %s does not block protected material text", [input.name])}
}

deny contains result if {
	not present("protected material code", false)
	result := {"msg": sprintf("RAI policy %s does not detect protected material code", [input.name])}
}
