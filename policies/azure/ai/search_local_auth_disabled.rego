# METADATA
# title: "AI Search services disable API key authentication"
# description: >-
#   Search admin and query keys are shared secrets that grant full index read/write. Fails
#   when disableLocalAuth is not true.
# custom:
#   id: AZ-AI-018
#   severity: medium
#   resource_types: ["microsoft.search/searchservices"]
#   frameworks:
#     owasp-llm-2025: ["LLM08", "LLM04"]
#   remediation: docs/kaizen/AZ-AI-018.md
package kumo.azure.ai.search_local_auth_disabled

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
	result := {"msg": sprintf("search service %s accepts API keys", [input.name])}
}
