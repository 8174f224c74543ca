# METADATA
# title: "Bedrock custom models are encrypted with a customer managed key"
# description: >-
#   Fine-tuned and continued-pre-training models embed their training data. GetCustomModel
#   must show modelKmsKeyArn, so access to the weights needs a grant on your key.
# custom:
#   id: AWS-BEDROCK-018
#   severity: medium
#   resource_types: ["AWS::Bedrock::CustomModel"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03", "LLM04"]
#   remediation: docs/kaizen/AWS-BEDROCK-018.md
package kumo.aws.bedrock.custom_model_customer_managed_key

import rego.v1

deny contains result if {
	key := field(input.config, "modelKmsKeyArn")
	not startswith(sprintf("%v", [key]), "arn:")
	result := {"msg": sprintf("custom model %s is not encrypted with a customer managed KMS key", [input.name]), "evidence": {"modelKmsKeyArn": key}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
