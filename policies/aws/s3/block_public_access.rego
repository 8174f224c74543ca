# METADATA
# title: "S3 buckets block public access"
# description: >-
#   A bucket without all four S3 Block Public Access settings can be made public by a single
#   ACL or policy change. Judged from supplementary PublicAccessBlockConfiguration of the
#   AWS Config item; a missing configuration means nothing is blocked.
# custom:
#   id: AWS-S3-001
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["3.1.4"]
#     aws-fsbp: ["S3.8"]
#   remediation: docs/kaizen/AWS-S3-001.md
package kumo.aws.s3.block_public_access

import rego.v1

deny contains result if {
	cfg := object.get(input, ["supplementary", "PublicAccessBlockConfiguration"], {})
	missing := [s | some s in ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"]; not is_true(object.get(cfg, s, false))]
	count(missing) > 0
	result := {
		"msg": sprintf("bucket %s does not set %s", [input.name, concat(", ", missing)]),
		"evidence": {"missing": missing},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
