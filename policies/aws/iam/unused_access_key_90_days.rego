# METADATA
# title: "No active access key has gone unused for 90 days"
# description: >-
#   An active access key that has not been used for 90 days (or never, and created more than
#   90 days ago) is a standing credential nobody needs. Judged from
#   access_key_N_last_used_date and access_key_N_last_rotated of the credential report.
# custom:
#   id: AWS-IAM-015
#   severity: medium
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     kumo-iam: ["long-lived-keys", "unused-credentials"]
#     aws-fsbp: ["IAM.8"]
#   remediation: docs/kaizen/AWS-IAM-015.md
package kumo.aws.iam.unused_access_key_90_days

import rego.v1

deny contains result if {
	some n in ["1", "2"]
	flag(sprintf("access_key_%s_active", [n]))
	ts := first_date([sprintf("access_key_%s_last_used_date", [n]), sprintf("access_key_%s_last_rotated", [n])])
	d := days_since(ts)
	d > 90
	result := {
		"msg": sprintf("active access key %s of IAM user %s has not been used for %v days: delete it", [n, input.name, d]),
		"evidence": {"access_key": n, "last_used_or_created": ts, "days": d},
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
