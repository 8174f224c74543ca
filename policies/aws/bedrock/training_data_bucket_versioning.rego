# METADATA
# title: "AI training-data buckets keep object versions"
# description: >-
#   Buckets holding model training or fine-tuning data (referenced by a Bedrock custom
#   model's trainingDataConfig, or named/tagged as training data or datasets) need
#   versioning Enabled, so poisoned or deleted data can be detected and restored.
# custom:
#   id: AWS-BEDROCK-020
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     owasp-llm-2025: ["LLM04"]
#   remediation: docs/kaizen/AWS-BEDROCK-020.md
package kumo.aws.bedrock.training_data_bucket_versioning

import rego.v1

training_bucket if regex.match(`(training|train-data|dataset|fine-?tun)`, lower(input.name))

training_bucket if {
	some k, v in object.get(input, "tags", {})
	regex.match(`(training|dataset|fine-?tun)`, lower(sprintf("%s=%v", [k, v])))
}

training_bucket if {
	some m in data.kumo.resources["AWS::Bedrock::CustomModel"]
	uri := sprintf("%v", [field(field(m.config, "trainingDataConfig"), "s3Uri")])
	startswith(uri, sprintf("s3://%s/", [input.name]))
}

deny contains result if {
	training_bucket
	status := object.get(input, ["supplementary", "BucketVersioningConfiguration", "status"], "Off")
	status != "Enabled"
	result := {"msg": sprintf("AI training-data bucket %s has versioning %v: poisoned or deleted training data cannot be traced or restored", [input.name, status]), "evidence": {"versioning": status}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
