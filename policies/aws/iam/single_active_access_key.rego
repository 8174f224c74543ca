# METADATA
# title: "IAM users have at most one active access key"
# description: >-
#   Two active access keys on one user usually mean a rotation that was never finished: the
#   old key is still valid. Judged from access_key_1_active and access_key_2_active of the
#   credential report.
# custom:
#   id: AWS-IAM-017
#   severity: low
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     kumo-iam: ["long-lived-keys"]
#   remediation: docs/kaizen/AWS-IAM-017.md
package kumo.aws.iam.single_active_access_key

import rego.v1

deny contains result if {
	flag("access_key_1_active")
	flag("access_key_2_active")
	result := {
		"msg": sprintf("IAM user %s has two active access keys; finish the rotation and deactivate the older key", [input.name]),
		"evidence": {"access_key_1_last_rotated": object.get(report, "access_key_1_last_rotated", ""), "access_key_2_last_rotated": object.get(report, "access_key_2_last_rotated", "")},
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
