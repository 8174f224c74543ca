# METADATA
# title: "Bedrock knowledge base data sources use a customer managed key"
# description: >-
#   Transient data of ingestion jobs is encrypted with an AWS-owned key unless
#   serverSideEncryptionConfiguration.kmsKeyArn is set on the data source.
# custom:
#   id: AWS-BEDROCK-017
#   severity: low
#   resource_types: ["AWS::Bedrock::DataSource"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM08"]
#   remediation: docs/kaizen/AWS-BEDROCK-017.md
package kumo.aws.bedrock.data_source_customer_managed_key

import rego.v1

deny contains result if {
	key := field(field(input.config, "serverSideEncryptionConfiguration"), "kmsKeyArn")
	not startswith(sprintf("%v", [key]), "arn:")
	result := {"msg": sprintf("knowledge base data source %s does not use a customer managed KMS key", [input.name]), "evidence": {"kmsKeyArn": key}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
