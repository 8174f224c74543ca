# METADATA
# title: "Vertex AI datasets are encrypted with a customer-managed key"
# description: >-
#   Training and evaluation datasets often hold the most sensitive data in an ML project.
#   Fails when encryptionSpec.kmsKeyName is absent.
# custom:
#   id: GCP-VERTEX-005
#   severity: medium
#   resource_types: ["aiplatform.googleapis.com/Dataset"]
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM04"]
#   remediation: docs/kaizen/GCP-VERTEX-005.md
package kumo.gcp.vertex.dataset_cmek

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
	result := {"msg": sprintf("Vertex AI dataset %s is not encrypted with a customer-managed key", [object.get(cfg, "displayName", input.name)]), "evidence": {"encryptionSpec": object.get(cfg, "encryptionSpec", null)}}
}
