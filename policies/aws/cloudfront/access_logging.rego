# METADATA
# title: "CloudFront distributions log viewer requests"
# description: >-
#   Standard access logs record every viewer request at the edge. Judged from
#   distributionConfig.logging.enabled of the AWS Config distribution item (logging
#   configured only through CloudWatch log delivery v2 is not visible there; mute with that
#   justification).
# custom:
#   id: AWS-CLOUDFRONT-001
#   severity: low
#   resource_types: ["AWS::CloudFront::Distribution"]
#   frameworks:
#     cis-aws-7.0: ["4.10"]
#     aws-fsbp: ["CloudFront.5"]
#   remediation: docs/kaizen/AWS-CLOUDFRONT-001.md
package kumo.aws.cloudfront.access_logging

import rego.v1

deny contains result if {
	v := object.get(input.config, ["distributionConfig", "logging", "enabled"], false)
	not is_true(v)
	result := {
		"msg": sprintf("CloudFront distribution %s does not log viewer requests", [input.name]),
		"evidence": {"logging.enabled": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
