# METADATA
# title: "The root user has no access keys"
# description: >-
#   Access keys of the root user give unrestricted, unrevocable-by-policy programmatic
#   access to the whole account. Judged from the IAM credential report row of the root user.
# custom:
#   id: AWS-IAM-001
#   severity: critical
#   resource_types: ["AWS::IAM::RootAccount"]
#   frameworks:
#     cis-aws-7.0: ["2.4"]
#     kumo-iam: ["root-account", "long-lived-keys"]
#     aws-fsbp: ["IAM.4"]
#   remediation: docs/kaizen/AWS-IAM-001.md
package kumo.aws.iam.root_access_keys

import rego.v1

deny contains result if {
	some n in ["1", "2"]
	flag(sprintf("access_key_%s_active", [n]))
	result := {
		"msg": sprintf("the root user of account %s has an active access key (key %s)", [input.account, n]),
		"evidence": {"access_key": n, "last_rotated": object.get(report, sprintf("access_key_%s_last_rotated", [n]), "")},
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
