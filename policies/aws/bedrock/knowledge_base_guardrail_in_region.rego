# METADATA
# title: "Bedrock knowledge bases are served behind a guardrail"
# description: >-
#   Retrieved passages are untrusted input (indirect prompt injection) and may contain
#   sensitive data. A knowledge base fails when no READY guardrail exists in its account and
#   region, or when an agent that uses it has no guardrail. Judged from the
#   AWS::Bedrock::Guardrail and AWS::Bedrock::Agent items of the inventory.
# custom:
#   id: AWS-BEDROCK-016
#   severity: medium
#   resource_types: ["AWS::Bedrock::KnowledgeBase"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM08"]
#   remediation: docs/kaizen/AWS-BEDROCK-016.md
package kumo.aws.bedrock.knowledge_base_guardrail_in_region

import rego.v1

kb_id := sprintf("%v", [field(input.config, "knowledgeBaseId")])

guardrails_here := [g |
	some g in data.kumo.resources["AWS::Bedrock::Guardrail"]
	g.account == input.account
	g.region == input.region
	upper(sprintf("%v", [object.get(g.config, "status", "READY")])) == "READY"
]

deny contains result if {
	count(guardrails_here) == 0
	result := {"msg": sprintf("knowledge base %s: no READY Bedrock guardrail exists in %s to screen retrieved content", [input.name, input.region]), "evidence": {"region": input.region}}
}

deny contains result if {
	some a in data.kumo.resources["AWS::Bedrock::Agent"]
	a.account == input.account
	some k in object.get(a.config, "knowledgeBases", [])
	sprintf("%v", [field(k, "knowledgeBaseId")]) == kb_id
	sprintf("%v", [field(field(a.config, "guardrailConfiguration"), "guardrailIdentifier")]) in {"", "null"}
	result := {"msg": sprintf("knowledge base %s is used by agent %s, which has no guardrail", [input.name, a.name]), "evidence": {"agent": a.id}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
