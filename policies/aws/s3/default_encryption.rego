# METADATA
# title: "S3 buckets have default server-side encryption configured"
# description: >-
#   A bucket without a ServerSideEncryptionConfiguration in the inventory has no recorded
#   default encryption. (Since 2023 S3 encrypts new objects with SSE-S3 anyway; the control
#   asks for the setting to be explicit and prefers SSE-KMS for sensitive data.)
# custom:
#   id: AWS-S3-004
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     aws-fsbp: ["S3.4"]
#   remediation: docs/kaizen/AWS-S3-004.md
package kumo.aws.s3.default_encryption

import rego.v1

deny contains result if {
	rules := object.get(input, ["supplementary", "ServerSideEncryptionConfiguration", "rules"], [])
	count(rules) == 0
	result := {
		"msg": sprintf("bucket %s has no default server-side encryption configuration", [input.name]),
		"evidence": {"ServerSideEncryptionConfiguration": object.get(input, ["supplementary", "ServerSideEncryptionConfiguration"], null)},
	}
}
