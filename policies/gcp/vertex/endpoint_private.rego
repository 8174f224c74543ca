# METADATA
# title: "Vertex AI endpoints are reachable only privately"
# description: >-
#   An endpoint without Private Service Connect
#   (privateServiceConnectConfig.enablePrivateServiceConnect) or VPC peering (network)
#   serves predictions on a public Google API address. Fails when neither is configured.
# custom:
#   id: GCP-VERTEX-001
#   severity: high
#   resource_types: ["aiplatform.googleapis.com/Endpoint"]
#   frameworks:
#     owasp-llm-2025: ["LLM10", "LLM02"]
#   remediation: docs/kaizen/GCP-VERTEX-001.md
package kumo.gcp.vertex.endpoint_private

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

private if is_true(object.get(cfg, ["privateServiceConnectConfig", "enablePrivateServiceConnect"], false))

private if object.get(cfg, "network", "") != ""

deny contains result if {
	not private
	result := {"msg": sprintf("Vertex AI endpoint %s is served on a public address (no Private Service Connect or VPC network)", [object.get(cfg, "displayName", input.name)]), "evidence": {"privateServiceConnectConfig": object.get(cfg, "privateServiceConnectConfig", null), "network": object.get(cfg, "network", null)}}
}
