# METADATA
# title: "Bedrock guardrails are encrypted with a customer managed KMS key"
# description: >-
#   A guardrail's denied topics, word lists and regexes describe what the business protects;
#   kmsKeyArn absent means an AWS-owned key whose use you cannot audit or revoke.
# custom:
#   id: AWS-BEDROCK-006
#   severity: low
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-BEDROCK-006.md
package kumo.aws.bedrock.guardrail_customer_managed_key

import rego.v1

deny contains result if {
	key := object.get(input.config, "kmsKeyArn", "")
	not startswith(sprintf("%v", [key]), "arn:")
	result := {"msg": sprintf("guardrail %s is encrypted with an AWS-owned key, not a customer managed KMS key", [input.name]), "evidence": {"kmsKeyArn": key}}
}
