# METADATA
# title: "Model Armor templates apply responsible-AI content filters"
# description: >-
#   Fails when filterConfig.raiSettings.raiFilters is empty, or when any configured filter
#   only acts at HIGH confidence.
# custom:
#   id: GCP-MODELARMOR-004
#   severity: medium
#   resource_types: ["modelarmor.googleapis.com/Template"]
#   frameworks:
#     owasp-llm-2025: ["LLM05", "LLM09"]
#   remediation: docs/kaizen/GCP-MODELARMOR-004.md
package kumo.gcp.modelarmor.responsible_ai_filters

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

filters := as_array(object.get(cfg, ["filterConfig", "raiSettings", "raiFilters"], []))

deny contains result if {
	count(filters) == 0
	result := {"msg": sprintf("Model Armor template %s has no responsible-AI content filters", [input.name]), "evidence": {"raiFilters": []}}
}

deny contains result if {
	some f in filters
	upper(sprintf("%v", [object.get(f, "confidenceLevel", "")])) == "HIGH"
	result := {"msg": sprintf("Model Armor template %s filters %v only at HIGH confidence", [input.name, object.get(f, "filterType", "")]), "evidence": {"filter": f}}
}
