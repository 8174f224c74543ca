# METADATA
# title: "API Gateway REST API stages write access logs"
# description: >-
#   Access logging records who called the API, from where and with what result. Judged from
#   accessLogSettings.destinationArn of the AWS Config stage item.
# custom:
#   id: AWS-APIGATEWAY-001
#   severity: low
#   resource_types: ["AWS::ApiGateway::Stage"]
#   frameworks:
#     cis-aws-7.0: ["4.10"]
#   remediation: docs/kaizen/AWS-APIGATEWAY-001.md
package kumo.aws.apigateway.stage_access_logging

import rego.v1

deny contains result if {
	v := object.get(input.config, ["accessLogSettings", "destinationArn"], null)
	not startswith(sprintf("%v", [v]), "arn:")
	result := {
		"msg": sprintf("API Gateway stage %s has no access logging", [input.name]),
		"evidence": {"destinationArn": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
