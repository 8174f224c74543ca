# METADATA
# title: "Models deployed on Vertex AI endpoints do not run as the default compute service account"
# description: >-
#   The default Compute Engine service account usually holds Editor. Fails for each deployed
#   model whose serviceAccount is PROJECT_NUMBER-compute@developer.gserviceaccount.com.
# custom:
#   id: GCP-VERTEX-004
#   severity: high
#   resource_types: ["aiplatform.googleapis.com/Endpoint"]
#   frameworks:
#     owasp-llm-2025: ["LLM06"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-VERTEX-004.md
package kumo.gcp.vertex.endpoint_dedicated_service_account

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
	some dm in as_array(object.get(cfg, "deployedModels", []))
	sa := sprintf("%v", [object.get(dm, "serviceAccount", "")])
	endswith(sa, "-compute@developer.gserviceaccount.com")
	result := {"msg": sprintf("deployed model %v on endpoint %s runs as the default compute service account %s", [object.get(dm, "id", ""), object.get(cfg, "displayName", input.name), sa]), "evidence": {"serviceAccount": sa}}
}
