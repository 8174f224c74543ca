# METADATA
# title: "User-managed service account keys are younger than 90 days"
# description: >-
#   Judged from validAfterTime (the key's creation) of enabled USER_MANAGED keys against the
#   scan time. Google-managed keys are rotated by Google and are not judged.
# custom:
#   id: GCP-IAM-002
#   severity: medium
#   resource_types: ["iam.googleapis.com/ServiceAccountKey"]
#   frameworks:
#     cis-gcp-5.0: ["1.8"]
#     kumo-iam: ["long-lived-credentials"]
#   remediation: docs/kaizen/GCP-IAM-002.md
package kumo.gcp.iam.sa_key_rotated_90_days

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

max_age_ns := ((90 * 24) * 3600) * 1000000000

deny contains result if {
	upper(sprintf("%v", [object.get(cfg, "keyType", "")])) == "USER_MANAGED"
	not is_true(object.get(cfg, "disabled", false))
	created := object.get(cfg, "validAfterTime", "")
	is_string(created)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`, created)
	time.parse_rfc3339_ns(created) < time.now_ns() - max_age_ns
	result := {"msg": sprintf("user-managed key %s was created %s, more than 90 days ago", [input.name, created]), "evidence": {"validAfterTime": created}}
}
