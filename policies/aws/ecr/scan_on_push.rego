# METADATA
# title: "ECR repositories scan images on push"
# description: >-
#   Image scanning on push reports known vulnerabilities in every new image (basic
#   scanning), or use Inspector enhanced scanning. Judged from
#   imageScanningConfiguration.scanOnPush of the repository.
# custom:
#   id: AWS-ECR-001
#   severity: low
#   resource_types: ["AWS::ECR::Repository"]
#   frameworks:
#     aws-fsbp: ["ECR.1"]
#   remediation: docs/kaizen/AWS-ECR-001.md
package kumo.aws.ecr.scan_on_push

import rego.v1

deny contains result if {
	v := field(field(input.config, "imageScanningConfiguration"), "scanOnPush")
	not is_true(v)
	result := {
		"msg": sprintf("ECR repository %s does not scan images on push", [input.name]),
		"evidence": {"scanOnPush": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
