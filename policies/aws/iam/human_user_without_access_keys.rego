# METADATA
# title: "IAM users with console access do not also hold access keys"
# description: >-
#   A person with both a console password and an active access key keeps a long-lived secret
#   on a laptop; humans should get temporary CLI credentials (IAM Identity Center, aws sts
#   with MFA). Judged from password_enabled and access_key_N_active of the credential
#   report.
# custom:
#   id: AWS-IAM-024
#   severity: low
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     kumo-iam: ["long-lived-keys"]
#   remediation: docs/kaizen/AWS-IAM-024.md
package kumo.aws.iam.human_user_without_access_keys

import rego.v1

deny contains result if {
	flag("password_enabled")
	active := [n | some n in ["1", "2"]; flag(sprintf("access_key_%s_active", [n]))]
	count(active) > 0
	result := {
		"msg": sprintf("IAM user %s has a console password and %v active access key(s); use temporary credentials for the CLI", [input.name, count(active)]),
		"evidence": {"active_keys": active},
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
