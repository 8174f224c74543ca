# METADATA
# title: "Vertex AI endpoints are encrypted with a customer-managed key"
# description: >-
#   Fails when encryptionSpec.kmsKeyName is absent (Google-managed encryption).
# custom:
#   id: GCP-VERTEX-002
#   severity: medium
#   resource_types: ["aiplatform.googleapis.com/Endpoint"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/GCP-VERTEX-002.md
package kumo.gcp.vertex.endpoint_cmek

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
	object.get(cfg, ["encryptionSpec", "kmsKeyName"], "") == ""
	result := {"msg": sprintf("Vertex AI endpoint %s is not encrypted with a customer-managed key", [object.get(cfg, "displayName", input.name)]), "evidence": {"encryptionSpec": object.get(cfg, "encryptionSpec", null)}}
}
