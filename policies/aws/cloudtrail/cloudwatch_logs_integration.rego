# METADATA
# title: "CloudTrail trails deliver to CloudWatch Logs for alerting"
# description: >-
#   The CIS monitoring recommendations (metric filters and alarms for root use, IAM changes,
#   console sign-in without MFA, ...) need the trail delivered to CloudWatch Logs or another
#   SIEM. Judged from cloudWatchLogsLogGroupArn of the trail.
# custom:
#   id: AWS-CLOUDTRAIL-004
#   severity: low
#   resource_types: ["AWS::CloudTrail::Trail"]
#   frameworks:
#     cis-aws-7.0: ["5.1", "5.2", "5.3", "5.4", "5.5"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-004.md
package kumo.aws.cloudtrail.cloudwatch_logs_integration

import rego.v1

deny contains result if {
	arn := object.get(input.config, "cloudWatchLogsLogGroupArn", null)
	not startswith(sprintf("%v", [arn]), "arn:")
	result := {
		"msg": sprintf("trail %s is not delivered to CloudWatch Logs: no real-time alerting on its events", [input.name]),
		"evidence": {"cloudWatchLogsLogGroupArn": arn},
	}
}
