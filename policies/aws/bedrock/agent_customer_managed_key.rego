# METADATA
# title: "Bedrock agents encrypt their resources with a customer managed key"
# description: >-
#   Agent instructions, action group schemas and session data are encrypted with an AWS-
#   owned key unless customerEncryptionKeyArn is set.
# custom:
#   id: AWS-BEDROCK-014
#   severity: low
#   resource_types: ["AWS::Bedrock::Agent"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM07"]
#   remediation: docs/kaizen/AWS-BEDROCK-014.md
package kumo.aws.bedrock.agent_customer_managed_key

import rego.v1

deny contains result if {
	not startswith(sprintf("%v", [field(input.config, "customerEncryptionKeyArn")]), "arn:")
	result := {"msg": sprintf("Bedrock agent %s is not encrypted with a customer managed KMS key", [input.name]), "evidence": {"customerEncryptionKeyArn": field(input.config, "customerEncryptionKeyArn")}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
