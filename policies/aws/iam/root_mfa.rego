# METADATA
# title: "The root user has MFA enabled"
# description: >-
#   A root user with a console password and no MFA device can be taken over with a phished
#   or reused password. Judged from the credential report (mfa_active); a root user whose
#   password was removed (centralized root access) passes.
# custom:
#   id: AWS-IAM-002
#   severity: critical
#   resource_types: ["AWS::IAM::RootAccount"]
#   frameworks:
#     cis-aws-7.0: ["2.5", "2.6"]
#     kumo-iam: ["root-account", "mfa"]
#     aws-fsbp: ["IAM.9"]
#   remediation: docs/kaizen/AWS-IAM-002.md
package kumo.aws.iam.root_mfa

import rego.v1

password_removed if lower(sprintf("%v", [object.get(report, "password_enabled", "")])) == "false"

deny contains result if {
	has_report
	not flag("mfa_active")
	not password_removed
	result := {
		"msg": sprintf("the root user of account %s has no MFA device", [input.account]),
		"evidence": {"mfa_active": object.get(report, "mfa_active", ""), "password_last_used": object.get(report, "password_last_used", "")},
	}
}

is_date(ts) if {
	is_string(ts)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}`, ts)
}

days_since(ts) := floor((time.now_ns() - time.parse_rfc3339_ns(ts)) / 86400000000000) if is_date(ts)

report := object.get(input, ["supplementary", "credentialReport"], {})

has_report if {
	is_object(report)
	count(report) > 0
}

flag(key) if lower(sprintf("%v", [object.get(report, key, "")])) == "true"

# first_date is the first of the report columns that holds a timestamp.
first_date(keys) := dates[0] if {
	dates := [v | some k in keys; v := object.get(report, k, ""); is_date(v)]
	count(dates) > 0
}
