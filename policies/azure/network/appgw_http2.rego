# METADATA
# title: "Application gateways enable HTTP/2"
# description: >-
#   HTTP/2 is negotiated only over TLS and is the modern protocol for client connections.
#   Fails when enableHttp2 is explicitly false; absent means the service default (enabled).
# custom:
#   id: AZ-NETWORK-011
#   severity: low
#   resource_types: ["microsoft.network/applicationgateways"]
#   frameworks:
#     cis-azure-6.0: ["7.13"]
#   remediation: docs/kaizen/AZ-NETWORK-011.md
package kumo.azure.network.appgw_http2

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "enableHttp2", null)
	v != null
	not is_true(v)
	result := {"msg": sprintf("application gateway %s has HTTP/2 disabled", [input.name])}
}
