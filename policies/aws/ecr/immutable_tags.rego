# METADATA
# title: "ECR repositories use immutable image tags"
# description: >-
#   With mutable tags anyone able to push can replace the image behind a tag that
#   deployments trust (e.g. v1.4.2 or prod). Judged from imageTagMutability.
# custom:
#   id: AWS-ECR-002
#   severity: low
#   resource_types: ["AWS::ECR::Repository"]
#   frameworks:
#     aws-fsbp: ["ECR.2"]
#     owasp-llm-2025: ["LLM03"]
#   remediation: docs/kaizen/AWS-ECR-002.md
package kumo.aws.ecr.immutable_tags

import rego.v1

deny contains result if {
	v := field(input.config, "imageTagMutability")
	upper(sprintf("%v", [v])) != "IMMUTABLE"
	result := {
		"msg": sprintf("ECR repository %s allows image tags to be overwritten", [input.name]),
		"evidence": {"imageTagMutability": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
