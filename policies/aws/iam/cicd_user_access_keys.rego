# METADATA
# title: "CI/CD pipelines use OIDC federation, not IAM user access keys"
# description: >-
#   An IAM user that looks like a CI/CD identity (name, path or tags mention GitHub, GitLab,
#   Jenkins, pipeline, deploy, Terraform, ...) and holds an active access key keeps a long-
#   lived secret in the CI system. Such pipelines should assume a role through OIDC (GitHub
#   Actions, GitLab, Bitbucket, Terraform Cloud) instead.
# custom:
#   id: AWS-IAM-016
#   severity: high
#   resource_types: ["AWS::IAM::User"]
#   frameworks:
#     kumo-iam: ["long-lived-keys", "cicd-oidc"]
#   remediation: docs/kaizen/AWS-IAM-016.md
package kumo.aws.iam.cicd_user_access_keys

import rego.v1

markers := ["github", "gitlab", "bitbucket", "jenkins", "circleci", "travis", "buildkite", "teamcity", "azure-devops", "azuredevops", "terraform", "atlantis", "spacelift", "argocd", "octopus", "codeship"]

identity_text := lower(concat(" ", array.concat([input.name, object.get(input.config, "path", "")], [sprintf("%v=%v", [k, v]) | some k, v in object.get(input, "tags", {})])))

cicd_marker contains m if {
	some m in markers
	contains(identity_text, m)
}

# Short words only count as whole tokens ("ci" in "svc-ci-runner", not in "city").
cicd_marker contains t if {
	some t in regex.split(`[^a-z0-9]+`, identity_text)
	t in ["ci", "cd", "cicd", "gha", "pipeline", "pipelines", "deploy", "deployer", "deployment", "release", "build", "builder", "runner"]
}

deny contains result if {
	count(cicd_marker) > 0
	active := [n | some n in ["1", "2"]; flag(sprintf("access_key_%s_active", [n]))]
	count(active) > 0
	result := {
		"msg": sprintf("CI/CD user %s holds %v active long-lived access key(s); use OIDC federation to assume a role instead", [input.name, count(active)]),
		"evidence": {"active_keys": active, "matched": sort([m | some m in cicd_marker])},
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
