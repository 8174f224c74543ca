# METADATA
# title: "Bedrock guardrails filter harmful content on input and output"
# description: >-
#   Each of the SEXUAL, VIOLENCE, HATE, INSULTS and MISCONDUCT content filters should be
#   present, blocking, enabled and at least MEDIUM strength on both input and output.
#   Missing or weaker filters let harmful generations reach users.
# custom:
#   id: AWS-BEDROCK-002
#   severity: medium
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM05", "LLM09"]
#   remediation: docs/kaizen/AWS-BEDROCK-002.md
package kumo.aws.bedrock.guardrail_content_filters

import rego.v1

filters := [f | some f in object.get(input.config, ["contentPolicy", "filters"], []); is_object(f)]

rank(s) := object.get({"NONE": 0, "LOW": 1, "MEDIUM": 2, "HIGH": 3}, upper(sprintf("%v", [s])), 0)

disabled(v) if lower(sprintf("%v", [v])) == "false"

categories := ["SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT"]

present := {upper(object.get(f, "type", "")) | some f in filters}

deny contains result if {
	some t in categories
	not t in present
	result := {"msg": sprintf("guardrail %s has no %s content filter", [input.name, t]), "evidence": {"filter": t}}
}

deny contains result if {
	some f in filters
	t := upper(object.get(f, "type", ""))
	t in categories
	some dir in ["input", "output"]
	s := object.get(f, sprintf("%sStrength", [dir]), "NONE")
	rank(s) < 2
	result := {"msg": sprintf("guardrail %s filters %s at %v strength on %s (MEDIUM or HIGH required)", [input.name, t, s, dir]), "evidence": {"filter": t, "direction": dir, "strength": s}}
}

deny contains result if {
	some f in filters
	t := upper(object.get(f, "type", ""))
	t in categories
	some dir in ["input", "output"]
	upper(sprintf("%v", [object.get(f, sprintf("%sAction", [dir]), "BLOCK")])) == "NONE"
	result := {"msg": sprintf("guardrail %s only detects %s content on %s (action NONE)", [input.name, t, dir]), "evidence": {"filter": t, "direction": dir}}
}
