# METADATA
# title: "IAM user credentials unused for 45 days are disabled"
# description: >-
#   Passwords and access keys nobody uses are forgotten attack surface. Judged from the
#   credential report: an enabled password or active key whose last use (or, never used, its
#   creation/rotation) is 45 days or more ago fails.
# custom:
#   id: AWS-IAM-006
#   severity: medium
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     cis-aws-7.0: ["2.11"]
#     kumo-iam: ["unused-credentials"]
#     aws-fsbp: ["IAM.22"]
#   remediation: docs/kaizen/AWS-IAM-006.md
package kumo.aws.iam.unused_credentials_45_days

import rego.v1

deny contains result if {
	flag("password_enabled")
	ts := first_date(["password_last_used", "password_last_changed", "user_creation_time"])
	d := days_since(ts)
	d >= 45
	result := {
		"msg": sprintf("console password of IAM user %s not used for %v days", [input.name, d]),
		"evidence": {"credential": "password", "since": ts, "days": d},
	}
}

deny contains result if {
	some n in ["1", "2"]
	flag(sprintf("access_key_%s_active", [n]))
	ts := first_date([sprintf("access_key_%s_last_used_date", [n]), sprintf("access_key_%s_last_rotated", [n])])
	d := days_since(ts)
	d >= 45
	result := {
		"msg": sprintf("access key %s of IAM user %s not used for %v days", [n, input.name, d]),
		"evidence": {"credential": sprintf("access_key_%s", [n]), "since": ts, "days": d},
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
