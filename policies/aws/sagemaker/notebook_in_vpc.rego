# METADATA
# title: "SageMaker notebook instances run inside a VPC"
# description: >-
#   A notebook without SubnetId runs in the SageMaker service network, outside your security
#   groups, flow logs and VPC endpoints.
# custom:
#   id: AWS-SAGEMAKER-004
#   severity: medium
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-004.md
package kumo.aws.sagemaker.notebook_in_vpc

import rego.v1

deny contains result if {
	v := field(input.config, "subnetId")
	not is_string(v)
	result := {
		"msg": sprintf("SageMaker notebook %s is not attached to a VPC subnet", [input.name]),
		"evidence": {"SubnetId": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
