# METADATA
# title: "API keys are recreated at least every 90 days"
# description: >-
#   Judged from the key's createTime against the scan time (a regenerated key is a new key).
#   Fails when older than 90 days.
# custom:
#   id: GCP-APIKEYS-003
#   severity: low
#   resource_types: ["apikeys.googleapis.com/Key"]
#   frameworks:
#     cis-gcp-5.0: ["1.16"]
#   remediation: docs/kaizen/GCP-APIKEYS-003.md
package kumo.gcp.apikeys.api_key_rotated_90_days

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
	created := object.get(cfg, "createTime", "")
	is_string(created)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`, created)
	time.parse_rfc3339_ns(created) < time.now_ns() - max_age_ns
	result := {"msg": sprintf("API key %s was created %s, more than 90 days ago", [object.get(cfg, "displayName", input.name), created]), "evidence": {"createTime": created}}
}
