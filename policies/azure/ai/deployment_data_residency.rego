# METADATA
# title: "Model deployments keep processing in the resource's geography"
# description: >-
#   Global deployment SKUs (GlobalStandard, GlobalProvisionedManaged, GlobalBatch) may
#   process prompts in any Azure region. Fails for a Global SKU; DataZone SKUs (EU/US
#   boundary) and regional SKUs pass.
# custom:
#   id: AZ-AI-013
#   severity: low
#   resource_types: ["microsoft.cognitiveservices/accounts/deployments"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AZ-AI-013.md
package kumo.azure.ai.deployment_data_residency

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	sku := sprintf("%v", [object.get(input, ["config", "sku", "name"], "")])
	startswith(lower(sku), "global")
	result := {"msg": sprintf("deployment %s uses SKU %s, which may process prompts outside the resource's geography", [input.name, sku]), "evidence": {"sku": sku}}
}
