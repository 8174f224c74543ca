# METADATA
# title: "IAM users with a console password have MFA"
# description: >-
#   An IAM user who can sign in to the console with only a password is one phishing email
#   away from compromise. Judged from the credential report merged into the user
#   (password_enabled, mfa_active).
# custom:
#   id: AWS-IAM-005
#   severity: high
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     cis-aws-7.0: ["2.10"]
#     kumo-iam: ["mfa"]
#     aws-fsbp: ["IAM.5"]
#   remediation: docs/kaizen/AWS-IAM-005.md
package kumo.aws.iam.console_user_mfa

import rego.v1

deny contains result if {
	flag("password_enabled")
	not flag("mfa_active")
	result := {
		"msg": sprintf("IAM user %s can sign in to the console with a password and has no MFA device", [input.name]),
		"evidence": {"password_enabled": object.get(report, "password_enabled", ""), "mfa_active": object.get(report, "mfa_active", ""), "password_last_used": object.get(report, "password_last_used", "")},
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
