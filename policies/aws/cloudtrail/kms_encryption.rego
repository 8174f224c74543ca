# METADATA
# title: "CloudTrail logs are encrypted with a KMS key"
# description: >-
#   Encrypting CloudTrail log files with SSE-KMS means reading them requires both S3 access
#   and a grant on the key. Judged from kmsKeyId of the trail.
# custom:
#   id: AWS-CLOUDTRAIL-003
#   severity: medium
#   resource_types: ["AWS::CloudTrail::Trail"]
#   frameworks:
#     cis-aws-7.0: ["4.5"]
#     aws-fsbp: ["CloudTrail.2"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-003.md
package kumo.aws.cloudtrail.kms_encryption

import rego.v1

deny contains result if {
	key := object.get(input.config, "kmsKeyId", null)
	not is_string(key)
	result := {
		"msg": sprintf("trail %s log files are not encrypted with a KMS key", [input.name]),
		"evidence": {"kmsKeyId": key},
	}
}

deny contains result if {
	key := object.get(input.config, "kmsKeyId", null)
	is_string(key)
	trim_space(key) == ""
	result := {"msg": sprintf("trail %s log files are not encrypted with a KMS key", [input.name]), "evidence": {"kmsKeyId": key}}
}
