# METADATA
# title: "AI Foundry hubs and ML workspaces isolate outbound traffic"
# description: >-
#   Without managed network isolation, compute and agents in the workspace can reach any
#   internet destination. Fails when managedNetwork.isolationMode is absent or Disabled.
# custom:
#   id: AZ-AI-016
#   severity: medium
#   resource_types: ["microsoft.machinelearningservices/workspaces"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM06"]
#   remediation: docs/kaizen/AZ-AI-016.md
package kumo.azure.ai.ml_workspace_managed_network

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	mode := sprintf("%v", [object.get(props, ["managedNetwork", "isolationMode"], "Disabled")])
	lower(mode) == "disabled"
	result := {"msg": sprintf("machine learning workspace %s has no managed network isolation", [input.name])}
}
