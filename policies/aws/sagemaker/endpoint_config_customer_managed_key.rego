# METADATA
# title: "SageMaker endpoint configurations encrypt model volumes with a customer managed key"
# description: >-
#   Inference instances attach ML storage volumes holding the model; KmsKeyId on the
#   endpoint configuration puts them under your key.
# custom:
#   id: AWS-SAGEMAKER-005
#   severity: low
#   resource_types: ["AWS::SageMaker::EndpointConfig"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-005.md
package kumo.aws.sagemaker.endpoint_config_customer_managed_key

import rego.v1

deny contains result if {
	v := field(input.config, "kmsKeyId")
	not is_string(v)
	result := {
		"msg": sprintf("SageMaker endpoint configuration %s does not set a KMS key", [input.name]),
		"evidence": {"KmsKeyId": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
