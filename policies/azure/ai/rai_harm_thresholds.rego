# METADATA
# title: "Content filters block hate, sexual, violence and self-harm at Medium or stricter"
# description: >-
#   Each harm category must be filtered on both prompts and completions, enabled, blocking,
#   with severityThreshold (older APIs: allowedContentLevel) Low or Medium. Fails for every
#   category/source pair that is missing, off, annotate-only or set to High.
# custom:
#   id: AZ-AI-008
#   severity: medium
#   resource_types: ["microsoft.cognitiveservices/accounts/raipolicies"]
#   frameworks:
#     owasp-llm-2025: ["LLM05", "LLM09"]
#   remediation: docs/kaizen/AZ-AI-008.md
package kumo.azure.ai.rai_harm_thresholds

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

filters := as_array(object.get(props, "contentFilters", []))

ok(cat, src) if {
	some f in filters
	lower(sprintf("%v", [object.get(f, "name", "")])) == cat
	lower(sprintf("%v", [object.get(f, "source", "")])) == src
	is_true(object.get(f, "enabled", false))
	is_true(object.get(f, "blocking", false))
	lower(sprintf("%v", [object.get(f, "severityThreshold", object.get(f, "allowedContentLevel", "medium"))])) in {"low", "medium"}
}

deny contains result if {
	some cat in ["hate", "sexual", "violence", "selfharm"]
	some src in ["prompt", "completion"]
	not ok(cat, src)
	result := {"msg": sprintf("RAI policy %s does not block %s content on %s at Medium or stricter", [input.name, cat, src]), "evidence": {"category": cat, "source": src}}
}
