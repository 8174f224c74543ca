# METADATA
# title: "Bedrock invocation log groups are encrypted with a customer managed key"
# description: >-
#   The CloudWatch Logs group receiving invocation logs should be encrypted with a KMS key
#   (kmsKeyId) so reading prompts requires a key grant. Judged when the AWS::Logs::LogGroup
#   is in the inventory.
# custom:
#   id: AWS-BEDROCK-011
#   severity: low
#   resource_types: ["AWS::Bedrock::ModelInvocationLoggingConfiguration"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-BEDROCK-011.md
package kumo.aws.bedrock.invocation_log_group_kms

import rego.v1

deny contains result if {
	name := object.get(input.config, ["loggingConfig", "cloudWatchConfig", "logGroupName"], "")
	name != ""
	some g in data.kumo.resources["AWS::Logs::LogGroup"]
	g.account == input.account
	g.region == input.region
	field(g.config, "logGroupName") == name
	not startswith(sprintf("%v", [field(g.config, "kmsKeyId")]), "arn:")
	result := {"msg": sprintf("Bedrock invocation log group %s in %s is not encrypted with a KMS key", [name, input.region]), "evidence": {"logGroupName": name}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
