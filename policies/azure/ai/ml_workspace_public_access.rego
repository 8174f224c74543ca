# METADATA
# title: "AI Foundry hubs and ML workspaces disable public network access"
# description: >-
#   A workspace with public network access exposes its studio, endpoints, datasets and
#   models to the internet. Fails unless publicNetworkAccess is Disabled.
# custom:
#   id: AZ-AI-015
#   severity: high
#   resource_types: ["microsoft.machinelearningservices/workspaces"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM04"]
#   remediation: docs/kaizen/AZ-AI-015.md
package kumo.azure.ai.ml_workspace_public_access

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "publicNetworkAccess", "Enabled")
	lower(sprintf("%v", [v])) != "disabled"
	result := {"msg": sprintf("machine learning workspace %s has public network access %v", [input.name, v]), "evidence": {"publicNetworkAccess": v}}
}
