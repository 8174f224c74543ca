# METADATA
# title: "Defender for AI services is on"
# description: >-
#   The Microsoft Defender for Cloud plan AI (microsoft.security/pricings/AI) must be on the
#   Standard tier. For AI services it detects jailbreak attempts, sensitive data leakage and
#   wallet abuse against Azure OpenAI / AI Foundry deployments. Judged on the pricing
#   resource of each subscription; fails when pricingTier is not Standard.
# custom:
#   id: AZ-DEFENDER-013
#   severity: high
#   resource_types: ["microsoft.security/pricings"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM02", "LLM10"]
#   remediation: docs/kaizen/AZ-DEFENDER-013.md
package kumo.azure.defender.plan_ai

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	lower(input.name) == "ai"
	tier := object.get(props, "pricingTier", "Free")
	lower(sprintf("%v", [tier])) != "standard"
	result := {"msg": sprintf("Defender for AI services is off in subscription %s (pricingTier %v)", [input.account, tier]), "evidence": {"plan": input.name, "pricingTier": tier}}
}
