# METADATA
# title: "SageMaker notebook volumes are encrypted with a customer managed key"
# description: >-
#   The notebook's ML storage volume holds datasets and artifacts; without KmsKeyId it is
#   encrypted with an AWS managed key you cannot restrict.
# custom:
#   id: AWS-SAGEMAKER-003
#   severity: low
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-003.md
package kumo.aws.sagemaker.notebook_customer_managed_key

import rego.v1

deny contains result if {
	v := field(input.config, "kmsKeyId")
	not is_string(v)
	result := {
		"msg": sprintf("SageMaker notebook %s storage is not encrypted with a customer managed KMS key", [input.name]),
		"evidence": {"KmsKeyId": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
