# METADATA
# title: "Bedrock invocation log buckets block all public access"
# description: >-
#   The bucket receiving model invocation logs must have all four S3 Block Public Access
#   settings on; a public log bucket publishes every prompt and response. Judged when the
#   bucket is in the inventory.
# custom:
#   id: AWS-BEDROCK-010
#   severity: high
#   resource_types: ["AWS::Bedrock::ModelInvocationLoggingConfiguration"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/AWS-BEDROCK-010.md
package kumo.aws.bedrock.invocation_log_bucket_not_public

import rego.v1

deny contains result if {
	name := object.get(input.config, ["loggingConfig", "s3Config", "bucketName"], "")
	b := bucket_named(name)
	not bucket_blocks_public(b)
	result := {"msg": sprintf("Bedrock invocation logs in %s go to bucket %s, which does not block public access", [input.region, name]), "evidence": {"bucket": name, "PublicAccessBlockConfiguration": object.get(b, ["supplementary", "PublicAccessBlockConfiguration"], null)}}
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
