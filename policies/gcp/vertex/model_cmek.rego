# METADATA
# title: "Vertex AI models are encrypted with a customer-managed key"
# description: >-
#   Fine-tuned weights encode the training data and are themselves valuable. Fails when the
#   model's encryptionSpec.kmsKeyName is absent.
# custom:
#   id: GCP-VERTEX-006
#   severity: medium
#   resource_types: ["aiplatform.googleapis.com/Model"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM03"]
#   remediation: docs/kaizen/GCP-VERTEX-006.md
package kumo.gcp.vertex.model_cmek

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
	result := {"msg": sprintf("Vertex AI model %s is not encrypted with a customer-managed key", [object.get(cfg, "displayName", input.name)]), "evidence": {"encryptionSpec": object.get(cfg, "encryptionSpec", null)}}
}
