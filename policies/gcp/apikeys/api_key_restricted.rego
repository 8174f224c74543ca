# METADATA
# title: "API keys are restricted to the APIs the application needs"
# description: >-
#   Fails when a key has no restrictions.apiTargets, or targets cloudapis.googleapis.com
#   (all Google Cloud APIs).
# custom:
#   id: GCP-APIKEYS-002
#   severity: medium
#   resource_types: ["apikeys.googleapis.com/Key"]
#   frameworks:
#     cis-gcp-5.0: ["1.15"]
#   remediation: docs/kaizen/GCP-APIKEYS-002.md
package kumo.gcp.apikeys.api_key_restricted

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

targets := as_array(object.get(cfg, ["restrictions", "apiTargets"], []))

deny contains result if {
	count(targets) == 0
	result := {"msg": sprintf("API key %s is not restricted to specific APIs", [object.get(cfg, "displayName", input.name)]), "evidence": {"restrictions": object.get(cfg, "restrictions", null)}}
}

deny contains result if {
	some t in targets
	object.get(t, "service", "") == "cloudapis.googleapis.com"
	result := {"msg": sprintf("API key %s may call every Google Cloud API", [object.get(cfg, "displayName", input.name)]), "evidence": {"service": "cloudapis.googleapis.com"}}
}
