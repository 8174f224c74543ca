# METADATA
# title: "Bedrock guardrails block prompt attacks at HIGH strength on input"
# description: >-
#   The PROMPT_ATTACK content filter is the guardrail's defence against jailbreaks and
#   prompt injection; it applies to input only. A guardrail without it, with an input
#   strength below HIGH, with inputAction NONE (detect only) or with input disabled fails.
# custom:
#   id: AWS-BEDROCK-001
#   severity: high
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM07"]
#   remediation: docs/kaizen/AWS-BEDROCK-001.md
package kumo.aws.bedrock.guardrail_prompt_attack_high

import rego.v1

filters := [f | some f in object.get(input.config, ["contentPolicy", "filters"], []); is_object(f)]

rank(s) := object.get({"NONE": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3}, upper(sprintf("%v", [s])), 0)

disabled(v) if lower(sprintf("%v", [v])) == "false"

prompt_filters := [f | some f in filters; upper(object.get(f, "type", "")) == "PROMPT_ATTACK"]

deny contains result if {
	count(prompt_filters) == 0
	result := {"msg": sprintf("guardrail %s has no PROMPT_ATTACK filter: jailbreaks and prompt injection are not blocked", [input.name]), "evidence": {"filter": "PROMPT_ATTACK"}}
}

deny contains result if {
	some f in prompt_filters
	s := object.get(f, "inputStrength", "NONE")
	rank(s) < 3
	result := {"msg": sprintf("guardrail %s filters prompt attacks at %v strength on input (HIGH required)", [input.name, s]), "evidence": {"inputStrength": s}}
}

deny contains result if {
	some f in prompt_filters
	upper(sprintf("%v", [object.get(f, "inputAction", "BLOCK")])) == "NONE"
	result := {"msg": sprintf("guardrail %s only detects prompt attacks (inputAction NONE) instead of blocking them", [input.name]), "evidence": {"inputAction": "NONE"}}
}

deny contains result if {
	some f in prompt_filters
	disabled(object.get(f, "inputEnabled", true))
	result := {"msg": sprintf("guardrail %s has its prompt-attack filter disabled on input", [input.name]), "evidence": {"inputEnabled": false}}
}
