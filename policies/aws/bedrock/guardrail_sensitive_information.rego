# METADATA
# title: "Bedrock guardrails filter sensitive information (PII)"
# description: >-
#   A guardrail needs a sensitive-information policy with at least one PII entity or regex
#   that blocks or anonymizes, so personal data and secrets are not echoed back to users.
#   Missing sensitiveInformationPolicy, or only NONE (detect) actions, fails.
# custom:
#   id: AWS-BEDROCK-003
#   severity: high
#   resource_types: ["AWS::Bedrock::Guardrail"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-BEDROCK-003.md
package kumo.aws.bedrock.guardrail_sensitive_information

import rego.v1

sens := object.get(input.config, "sensitiveInformationPolicy", {})

acting(e) if upper(sprintf("%v", [object.get(e, "action", "")])) in {"BLOCK", "ANONYMIZE"}

acting(e) if upper(sprintf("%v", [object.get(e, "outputAction", "")])) in {"BLOCK", "ANONYMIZE"}

effective := [e | some e in array.concat(object.get(sens, "piiEntities", []), object.get(sens, "regexes", [])); is_object(e); acting(e)]

deny contains result if {
	count(effective) == 0
	result := {"msg": sprintf("guardrail %s does not block or anonymize any sensitive information (no effective PII entity or regex)", [input.name]), "evidence": {"sensitiveInformationPolicy": sens}}
}
