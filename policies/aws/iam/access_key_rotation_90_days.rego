# METADATA
# title: "Active IAM access keys are rotated within 90 days"
# description: >-
#   Long-lived access keys leak through laptops, CI logs and repositories; the older a key,
#   the more places it has been. Judged from access_key_N_last_rotated of the credential
#   report for every active key.
# custom:
#   id: AWS-IAM-007
#   severity: medium
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     cis-aws-7.0: ["2.12"]
#     kumo-iam: ["long-lived-keys"]
#     aws-fsbp: ["IAM.3"]
#   remediation: docs/kaizen/AWS-IAM-007.md
package kumo.aws.iam.access_key_rotation_90_days

import rego.v1

deny contains result if {
	some n in ["1", "2"]
	flag(sprintf("access_key_%s_active", [n]))
	ts := object.get(report, sprintf("access_key_%s_last_rotated", [n]), "")
	d := days_since(ts)
	d > 90
	result := {
		"msg": sprintf("active access key %s of IAM user %s was created %v days ago (rotate within 90)", [n, input.name, d]),
		"evidence": {"access_key": n, "last_rotated": ts, "days": d},
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
