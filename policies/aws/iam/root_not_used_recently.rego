# METADATA
# title: "The root user is not used for everyday tasks"
# description: >-
#   Root sign-ins or root access-key use in the last 30 days suggest the root user is used
#   for routine work. Judged from password_last_used and access_key_N_last_used_date of the
#   root row of the credential report.
# custom:
#   id: AWS-IAM-023
#   severity: medium
#   resource_types: ["AWS::IAM::RootAccount"]
#   frameworks:
#     cis-aws-7.0: ["2.7"]
#     kumo-iam: ["root-account"]
#   remediation: docs/kaizen/AWS-IAM-023.md
package kumo.aws.iam.root_not_used_recently

import rego.v1

deny contains result if {
	some col in ["password_last_used", "access_key_1_last_used_date", "access_key_2_last_used_date"]
	ts := object.get(report, col, "")
	d := days_since(ts)
	d < 30
	result := {
		"msg": sprintf("the root user of account %s was used %v days ago (%s)", [input.account, d, col]),
		"evidence": {"column": col, "last_used": ts},
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
