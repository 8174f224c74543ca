# METADATA
# title: "S3 buckets have server access logging enabled"
# description: >-
#   Server access logs record every request to the bucket, including anonymous ones that
#   CloudTrail data events may miss. Judged from
#   BucketLoggingConfiguration.destinationBucketName. Buckets that are themselves access-log
#   targets of another bucket in the inventory are exempt.
# custom:
#   id: AWS-S3-005
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["4.4"]
#     aws-fsbp: ["S3.9"]
#   remediation: docs/kaizen/AWS-S3-005.md
package kumo.aws.s3.server_access_logging

import rego.v1

# Names of the buckets that receive another bucket's access logs. It does
# not depend on `input`: one pass over the buckets per evaluation (none where
# the evaluator keeps input-independent rules across evaluations), then a
# set lookup.
log_targets contains dest if {
	some b in data.kumo.resources["AWS::S3::Bucket"]
	dest := object.get(b, ["supplementary", "BucketLoggingConfiguration", "destinationBucketName"], "")
	dest != b.name
}

is_log_target if input.name in log_targets

deny contains result if {
	dest := object.get(input, ["supplementary", "BucketLoggingConfiguration", "destinationBucketName"], null)
	not is_string(dest)
	not is_log_target
	result := {
		"msg": sprintf("bucket %s has no server access logging", [input.name]),
		"evidence": {"BucketLoggingConfiguration": object.get(input, ["supplementary", "BucketLoggingConfiguration"], null)},
	}
}
