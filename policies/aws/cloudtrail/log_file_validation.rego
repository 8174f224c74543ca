# METADATA
# title: "CloudTrail log file validation is enabled"
# description: >-
#   Log file validation writes signed digest files so that modified or deleted log files can
#   be detected. Judged from logFileValidationEnabled of the trail.
# custom:
#   id: AWS-CLOUDTRAIL-002
#   severity: medium
#   resource_types: ["AWS::CloudTrail::Trail"]
#   frameworks:
#     cis-aws-7.0: ["4.2"]
#     aws-fsbp: ["CloudTrail.4"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-002.md
package kumo.aws.cloudtrail.log_file_validation

import rego.v1

deny contains result if {
	not is_true(object.get(input.config, "logFileValidationEnabled", false))
	result := {
		"msg": sprintf("trail %s does not validate its log files", [input.name]),
		"evidence": {"logFileValidationEnabled": object.get(input.config, "logFileValidationEnabled", null)},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
