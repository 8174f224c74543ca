# METADATA
# title: "Model deployments use a content filter with the jailbreak shield on"
# description: >-
#   A deployment inherits the protections of the RAI policy it names. Fails when
#   raiPolicyName is Microsoft.Default (no prompt shields) or names a custom policy of the
#   same account, present in the inventory, whose Jailbreak filter is not enabled and
#   blocking. Absent means Microsoft.DefaultV2 (shields on).
# custom:
#   id: AZ-AI-011
#   severity: high
#   resource_types: ["microsoft.cognitiveservices/accounts/deployments"]
#   frameworks:
#     owasp-llm-2025: ["LLM01"]
#   remediation: docs/kaizen/AZ-AI-011.md
package kumo.azure.ai.deployment_prompt_shield

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

policy_name := sprintf("%v", [object.get(props, "raiPolicyName", "Microsoft.DefaultV2")])

account_id := lower(split(input.id, "/deployments/")[0])

policy_id := concat("", [account_id, "/raipolicies/", lower(policy_name)])

deny contains result if {
	lower(policy_name) == "microsoft.default"
	result := {"msg": sprintf("deployment %s uses Microsoft.Default, which has no prompt shields", [input.name])}
}

deny contains result if {
	some p in resources_of("microsoft.cognitiveservices/accounts/raipolicies")
	lower(p.id) == policy_id
	not shield_on(p)
	result := {"msg": sprintf("deployment %s uses RAI policy %s, whose jailbreak shield is off or annotate-only", [input.name, policy_name]), "evidence": {"raiPolicyName": policy_name}}
}

shield_on(p) if {
	some f in as_array(object.get(p, ["config", "properties", "contentFilters"], []))
	lower(sprintf("%v", [object.get(f, "name", "")])) == "jailbreak"
	is_true(object.get(f, "enabled", false))
	is_true(object.get(f, "blocking", false))
}
