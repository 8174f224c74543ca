# METADATA
# title: "Bedrock model invocation logging is enabled in every region"
# description: >-
#   Without model invocation logging there is no record of prompts and responses to
#   investigate prompt injection, data leakage or abuse. Judged per region from
#   GetModelInvocationLoggingConfiguration (kumo JSONL type
#   AWS::Bedrock::ModelInvocationLoggingConfiguration): no loggingConfig, no destination, or
#   every data type disabled fails.
# custom:
#   id: AWS-BEDROCK-008
#   severity: medium
#   resource_types: ["AWS::Bedrock::ModelInvocationLoggingConfiguration"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM02", "LLM10"]
#   remediation: docs/kaizen/AWS-BEDROCK-008.md
package kumo.aws.bedrock.model_invocation_logging_enabled

import rego.v1

logging := object.get(input.config, "loggingConfig", null)

destinations := [d |
	some d in ["s3Config", "cloudWatchConfig"]
	is_object(logging)
	is_object(object.get(logging, d, null))
]

deny contains result if {
	not is_object(logging)
	result := {"msg": sprintf("Bedrock model invocation logging is disabled in %s for account %s", [input.region, input.account]), "evidence": {"loggingConfig": null}}
}

deny contains result if {
	is_object(logging)
	count(destinations) == 0
	result := {"msg": sprintf("Bedrock model invocation logging in %s has no S3 or CloudWatch Logs destination", [input.region]), "evidence": {"loggingConfig": logging}}
}

deny contains result if {
	is_object(logging)
	count(destinations) > 0
	every k in ["textDataDeliveryEnabled", "imageDataDeliveryEnabled", "embeddingDataDeliveryEnabled", "videoDataDeliveryEnabled"] {
		lower(sprintf("%v", [object.get(logging, k, false)])) != "true"
	}
	result := {"msg": sprintf("Bedrock model invocation logging in %s delivers no data type (text, image, embedding, video all off)", [input.region]), "evidence": {"loggingConfig": logging}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
