# METADATA
# title: "Bedrock guardrails check contextual grounding"
# description: >-
#   A contextual grounding filter (type GROUNDING, threshold at least 0.5, enabled, not
#   detect-only) blocks answers not supported by the retrieved source, the main guardrail
#   control against hallucinated answers in RAG applications.
# custom:
#   id: AWS-BEDROCK-005
#   severity: low
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM09"]
#   remediation: docs/kaizen/AWS-BEDROCK-005.md
package kumo.aws.bedrock.guardrail_contextual_grounding

import rego.v1

grounding := [f |
	some f in object.get(input.config, ["contextualGroundingPolicy", "filters"], [])
	upper(object.get(f, "type", "")) == "GROUNDING"
	to_number(object.get(f, "threshold", 0)) >= 0.5
	lower(sprintf("%v", [object.get(f, "enabled", true)])) != "false"
	upper(sprintf("%v", [object.get(f, "action", "BLOCK")])) != "NONE"
]

deny contains result if {
	count(grounding) == 0
	result := {"msg": sprintf("guardrail %s has no blocking contextual grounding check with threshold >= 0.5", [input.name]), "evidence": {"contextualGroundingPolicy": object.get(input.config, "contextualGroundingPolicy", null)}}
}
