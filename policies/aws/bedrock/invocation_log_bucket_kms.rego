# METADATA
# title: "Bedrock invocation logs are stored in a KMS-encrypted bucket"
# description: >-
#   Invocation logs contain full prompts and responses. The S3 buckets they go to (s3Config
#   and the CloudWatch large-data bucket) must use SSE-KMS so access needs a key grant.
#   Judged when the bucket is in the inventory.
# custom:
#   id: AWS-BEDROCK-009
#   severity: medium
#   resource_types: ["AWS::Bedrock::ModelInvocationLoggingConfiguration"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-BEDROCK-009.md
package kumo.aws.bedrock.invocation_log_bucket_kms

import rego.v1

log_buckets contains name if {
	name := object.get(input.config, ["loggingConfig", "s3Config", "bucketName"], "")
	name != ""
}

log_buckets contains name if {
	name := object.get(input.config, ["loggingConfig", "cloudWatchConfig", "largeDataDeliveryS3Config", "bucketName"], "")
	name != ""
}

deny contains result if {
	some name in log_buckets
	b := bucket_named(name)
	algs := bucket_sse(b)
	not "aws:kms" in algs
	not "aws:kms:dsse" in algs
	result := {"msg": sprintf("Bedrock invocation logs in %s go to bucket %s, which is not encrypted with SSE-KMS", [input.region, name]), "evidence": {"bucket": name, "sse": algs}}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

bucket_named(name) := b if {
	some b in data.kumo.resources["AWS::S3::Bucket"]
	b.name == name
}

bucket_sse(b) := {a |
	some rule in object.get(b, ["supplementary", "ServerSideEncryptionConfiguration", "rules"], [])
	a := lower(object.get(rule, ["applyServerSideEncryptionByDefault", "sseAlgorithm"], ""))
}

bucket_blocks_public(b) if {
	cfg := object.get(b, ["supplementary", "PublicAccessBlockConfiguration"], {})
	every s in ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"] {
		is_true(object.get(cfg, s, false))
	}
}
