# METADATA
# title: "S3 buckets have versioning enabled"
# description: >-
#   Versioning keeps previous object versions so overwritten or deleted data (accidents,
#   ransomware) can be restored; it is also a prerequisite for MFA delete and replication.
#   Judged from BucketVersioningConfiguration.status.
# custom:
#   id: AWS-S3-006
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["3.1.2"]
#     aws-fsbp: ["S3.14"]
#   remediation: docs/kaizen/AWS-S3-006.md
package kumo.aws.s3.versioning_enabled

import rego.v1

deny contains result if {
	status := object.get(input, ["supplementary", "BucketVersioningConfiguration", "status"], "Off")
	status != "Enabled"
	result := {
		"msg": sprintf("bucket %s has versioning %v", [input.name, status]),
		"evidence": {"status": status},
	}
}
