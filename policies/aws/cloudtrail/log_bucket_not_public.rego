# METADATA
# title: "The CloudTrail log bucket blocks public access"
# description: >-
#   The S3 bucket a trail writes to must have all four Block Public Access settings on.
#   Judged when the bucket (s3BucketName) is in the inventory.
# custom:
#   id: AWS-CLOUDTRAIL-007
#   severity: critical
#   resource_types: ["AWS::CloudTrail::Trail"]
#   frameworks:
#     cis-aws-7.0: ["3.1.4"]
#     aws-fsbp: ["S3.8"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-007.md
package kumo.aws.cloudtrail.log_bucket_not_public

import rego.v1

deny contains result if {
	name := object.get(input.config, "s3BucketName", "")
	b := bucket_named(name)
	not bucket_blocks_public(b)
	result := {
		"msg": sprintf("trail %s writes to bucket %s, which does not block public access", [input.name, name]),
		"evidence": {"bucket": name},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# A bucket's kumo id is its ARN (or, when an item has none, its resourceId:
# the bucket name), so keyed lookups find it without scanning every bucket
# of the inventory for every trail.
bucket_named(name) := b if {
	some key in [
		concat("", ["arn:aws:s3:::", name]), concat("", ["arn:aws-cn:s3:::", name]),
		concat("", ["arn:aws-us-gov:s3:::", name]), name,
	]
	b := data.kumo.resources["AWS::S3::Bucket"][key]
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
