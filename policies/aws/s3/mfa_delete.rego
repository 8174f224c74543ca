# METADATA
# title: "S3 buckets require MFA to delete object versions"
# description: >-
#   MFA delete (set by the root user through the API) protects versioned buckets against
#   deletion of object versions and suspension of versioning with stolen credentials. Judged
#   from BucketVersioningConfiguration.isMfaDeleteEnabled.
# custom:
#   id: AWS-S3-003
#   severity: low
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["3.1.2"]
#   remediation: docs/kaizen/AWS-S3-003.md
package kumo.aws.s3.mfa_delete

import rego.v1

deny contains result if {
	v := object.get(input, ["supplementary", "BucketVersioningConfiguration"], {})
	not is_true(object.get(v, "isMfaDeleteEnabled", false))
	result := {
		"msg": sprintf("bucket %s does not require MFA delete (versioning %v)", [input.name, object.get(v, "status", "Off")]),
		"evidence": {"BucketVersioningConfiguration": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
