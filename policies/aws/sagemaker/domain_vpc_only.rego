# METADATA
# title: "SageMaker Studio domains use VPC-only network access"
# description: >-
#   With AppNetworkAccessType PublicInternetOnly (the default), Studio apps reach the
#   internet through the SageMaker service network, bypassing your VPC controls.
# custom:
#   id: AWS-SAGEMAKER-007
#   severity: medium
#   resource_types: ["AWS::SageMaker::Domain"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-007.md
package kumo.aws.sagemaker.domain_vpc_only

import rego.v1

deny contains result if {
	v := field(input.config, "appNetworkAccessType")
	lower(sprintf("%v", [v])) != "vpconly"
	result := {
		"msg": sprintf("SageMaker domain %s is not VPC-only", [input.name]),
		"evidence": {"AppNetworkAccessType": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
