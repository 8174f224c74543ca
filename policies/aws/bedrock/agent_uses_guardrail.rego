# METADATA
# title: "Bedrock agents are protected by a guardrail"
# description: >-
#   An agent without guardrailConfiguration processes user input, tool results and
#   knowledge-base passages with no prompt-attack, content or PII filtering. Judged from
#   GetAgent (or the CloudFormation-style GuardrailConfiguration).
# custom:
#   id: AWS-BEDROCK-012
#   severity: high
#   resource_types: ["AWS::Bedrock::Agent"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM02", "LLM06"]
#   remediation: docs/kaizen/AWS-BEDROCK-012.md
package kumo.aws.bedrock.agent_uses_guardrail

import rego.v1

guardrail_id := sprintf("%v", [field(field(input.config, "guardrailConfiguration"), "guardrailIdentifier")])

deny contains result if {
	guardrail_id in {"", "null"}
	result := {"msg": sprintf("Bedrock agent %s has no guardrail", [input.name]), "evidence": {"guardrailConfiguration": field(input.config, "guardrailConfiguration")}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
