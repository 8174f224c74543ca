# METADATA
# title: "Bedrock guardrails block AWS access keys and secret keys"
# description: >-
#   Credentials in prompts or responses (AWS_ACCESS_KEY, AWS_SECRET_KEY) should be blocked
#   or masked so that secrets pasted into a chat or present in retrieved documents do not
#   leak. Judged from the PII entities of the sensitive-information policy.
# custom:
#   id: AWS-BEDROCK-004
#   severity: medium
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM07"]
#   remediation: docs/kaizen/AWS-BEDROCK-004.md
package kumo.aws.bedrock.guardrail_blocks_credentials

import rego.v1

covered contains t if {
	some e in object.get(input.config, ["sensitiveInformationPolicy", "piiEntities"], [])
	t := upper(object.get(e, "type", ""))
	act := upper(sprintf("%v", [object.get(e, "action", object.get(e, "outputAction", "NONE"))]))
	act in {"BLOCK", "ANONYMIZE"}
}

deny contains result if {
	missing := [t | some t in ["AWS_ACCESS_KEY", "AWS_SECRET_KEY"]; not t in covered]
	count(missing) > 0
	result := {"msg": sprintf("guardrail %s does not block or mask %s", [input.name, concat(", ", missing)]), "evidence": {"piiEntities": missing}}
}
