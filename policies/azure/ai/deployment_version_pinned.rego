# METADATA
# title: "Model deployments pin the model version"
# description: >-
#   With versionUpgradeOption OnceNewDefaultVersionAvailable (the default when absent) Azure
#   swaps the model under the application without review. Fails for that setting or when
#   model.version is empty.
# custom:
#   id: AZ-AI-012
#   severity: low
#   resource_types: ["microsoft.cognitiveservices/accounts/deployments"]
#   frameworks:
#     owasp-llm-2025: ["LLM03", "LLM09"]
#   remediation: docs/kaizen/AZ-AI-012.md
package kumo.azure.ai.deployment_version_pinned

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

upgrade_option := sprintf("%v", [o]) if {
	o := object.get(props, "versionUpgradeOption", null)
	o != null
} else := "OnceNewDefaultVersionAvailable"

deny contains result if {
	opt := upgrade_option
	lower(opt) == "oncenewdefaultversionavailable"
	result := {"msg": sprintf("deployment %s upgrades its model automatically (versionUpgradeOption %s)", [input.name, opt])}
}

deny contains result if {
	object.get(props, ["model", "version"], "") in {"", null}
	result := {"msg": sprintf("deployment %s does not pin a model version", [input.name])}
}
