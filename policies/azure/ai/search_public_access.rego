# METADATA
# title: "AI Search services holding RAG indexes are not open to the internet"
# description: >-
#   Vector and keyword indexes used for retrieval-augmented generation often hold chunks of
#   confidential documents. Fails when publicNetworkAccess is not Disabled and
#   networkRuleSet.ipRules is empty.
# custom:
#   id: AZ-AI-017
#   severity: high
#   resource_types: ["microsoft.search/searchservices"]
#   frameworks:
#     owasp-llm-2025: ["LLM08", "LLM02"]
#   remediation: docs/kaizen/AZ-AI-017.md
package kumo.azure.ai.search_public_access

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
	count(as_array(object.get(props, ["networkRuleSet", "ipRules"], []))) == 0
	result := {"msg": sprintf("search service %s is reachable from the whole internet", [input.name])}
}
