# METADATA
# title: "SageMaker models run with network isolation"
# description: >-
#   With EnableNetworkIsolation the model container cannot make outbound calls, so a
#   malicious or compromised model artifact or container cannot exfiltrate data or fetch
#   payloads.
# custom:
#   id: AWS-SAGEMAKER-006
#   severity: medium
#   resource_types: ["AWS::SageMaker::Model"]
#   frameworks:
#     owasp-llm-2025: ["LLM03", "LLM02"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-006.md
package kumo.aws.sagemaker.model_network_isolation

import rego.v1

deny contains result if {
	v := field(input.config, "enableNetworkIsolation")
	not is_true(v)
	result := {
		"msg": sprintf("SageMaker model %s runs without network isolation", [input.name]),
		"evidence": {"EnableNetworkIsolation": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
