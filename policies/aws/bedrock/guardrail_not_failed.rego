# METADATA
# title: "Bedrock guardrails are in a usable state"
# description: >-
#   A guardrail whose status is FAILED does not protect the applications that reference it;
#   their invocations fail or, with fallbacks, run unguarded. Judged from the status of
#   GetGuardrail.
# custom:
#   id: AWS-BEDROCK-007
#   severity: medium
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM01"]
#   remediation: docs/kaizen/AWS-BEDROCK-007.md
package kumo.aws.bedrock.guardrail_not_failed

import rego.v1

deny contains result if {
	status := upper(sprintf("%v", [object.get(input.config, "status", "")]))
	status == "FAILED"
	result := {"msg": sprintf("guardrail %s is in status FAILED: %v", [input.name, object.get(input.config, "statusReasons", [])]), "evidence": {"status": status, "failureRecommendations": object.get(input.config, "failureRecommendations", [])}}
}
