# METADATA
# title: "SageMaker notebook instances have no direct internet access"
# description: >-
#   With DirectInternetAccess Enabled, a notebook holding training data and model artifacts
#   can send them anywhere and pull arbitrary packages, bypassing VPC egress controls.
#   Judged from DirectInternetAccess of the notebook instance.
# custom:
#   id: AWS-SAGEMAKER-001
#   severity: medium
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-001.md
package kumo.aws.sagemaker.notebook_no_direct_internet

import rego.v1

deny contains result if {
	v := field(input.config, "directInternetAccess")
	lower(sprintf("%v", [v])) != "disabled"
	result := {
		"msg": sprintf("SageMaker notebook %s has direct internet access", [input.name]),
		"evidence": {"DirectInternetAccess": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
