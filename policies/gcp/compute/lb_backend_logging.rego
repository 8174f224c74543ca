# METADATA
# title: "External HTTP(S) load balancer backend services log requests"
# description: >-
#   Fails for backend services of external HTTP, HTTPS or HTTP/2 load balancers whose
#   logConfig.enable is not true.
# custom:
#   id: GCP-COMPUTE-001
#   severity: low
#   resource_types: ["compute.googleapis.com/BackendService"]
#   frameworks:
#     cis-gcp-5.0: ["2.17"]
#   remediation: docs/kaizen/GCP-COMPUTE-001.md
package kumo.gcp.compute.lb_backend_logging

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

external if upper(sprintf("%v", [object.get(cfg, "loadBalancingScheme", "")])) in {"EXTERNAL", "EXTERNAL_MANAGED"}

http if upper(sprintf("%v", [object.get(cfg, "protocol", "HTTP")])) in {"HTTP", "HTTPS", "HTTP2"}

deny contains result if {
	external
	http
	not is_true(object.get(cfg, ["logConfig", "enable"], false))
	result := {"msg": sprintf("backend service %s of an external HTTP(S) load balancer does not log requests", [input.name]), "evidence": {"logConfig": object.get(cfg, "logConfig", null)}}
}
