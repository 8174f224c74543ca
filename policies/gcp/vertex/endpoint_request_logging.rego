# METADATA
# title: "Vertex AI endpoints log prediction requests and responses"
# description: >-
#   Fails when predictRequestResponseLoggingConfig.enabled is not true; without it
#   prompt-injection attempts, data exfiltration through outputs and abuse volumes are
#   invisible.
# custom:
#   id: GCP-VERTEX-003
#   severity: medium
#   resource_types: ["aiplatform.googleapis.com/Endpoint"]
#   frameworks:
#     owasp-llm-2025: ["LLM01", "LLM10"]
#   remediation: docs/kaizen/GCP-VERTEX-003.md
package kumo.gcp.vertex.endpoint_request_logging

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
	not is_true(object.get(cfg, ["predictRequestResponseLoggingConfig", "enabled"], false))
	result := {"msg": sprintf("Vertex AI endpoint %s does not log requests and responses", [object.get(cfg, "displayName", input.name)]), "evidence": {"predictRequestResponseLoggingConfig": object.get(cfg, "predictRequestResponseLoggingConfig", null)}}
}
