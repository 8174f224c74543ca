# METADATA
# title: "Projects use standard authentication instead of API keys"
# description: >-
#   API keys are bearer strings that identify no user, are embedded in clients and never
#   expire. Every API key that exists FAILs; delete unused ones and suppress keys that a
#   client genuinely needs (with restrictions, see GCP-APIKEYS-002).
# custom:
#   id: GCP-APIKEYS-001
#   severity: low
#   resource_types: ["apikeys.googleapis.com/Key"]
#   frameworks:
#     cis-gcp-5.0: ["1.13"]
#   remediation: docs/kaizen/GCP-APIKEYS-001.md
package kumo.gcp.apikeys.no_api_keys

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	object.get(cfg, "deleteTime", "") == ""
	result := {"msg": sprintf("API key %s exists; prefer OAuth / service identities", [object.get(cfg, "displayName", input.name)]), "evidence": {"uid": object.get(cfg, "uid", null)}}
}
