# METADATA
# title: "Application gateway SSL policy requires TLS 1.2 or newer"
# description: >-
#   Legacy predefined SSL policies (AppGwSslPolicy20150501, AppGwSslPolicy20170401) and
#   custom policies with a lower minProtocolVersion accept TLS 1.0/1.1. An absent sslPolicy
#   means the current default (TLS 1.2) and passes.
# custom:
#   id: AZ-NETWORK-010
#   severity: medium
#   resource_types: ["microsoft.network/applicationgateways"]
#   frameworks:
#     cis-azure-6.0: ["7.12"]
#   remediation: docs/kaizen/AZ-NETWORK-010.md
package kumo.azure.network.appgw_min_tls

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

weak_policies := {"appgwsslpolicy20150501", "appgwsslpolicy20170401"}

deny contains result if {
	name := lower(sprintf("%v", [object.get(props, ["sslPolicy", "policyName"], "")]))
	name in weak_policies
	result := {"msg": sprintf("application gateway %s uses SSL policy %s, which allows TLS older than 1.2", [input.name, name])}
}

deny contains result if {
	v := object.get(props, ["sslPolicy", "minProtocolVersion"], "")
	v != ""
	not lower(sprintf("%v", [v])) in {"tlsv1_2", "tlsv1_3"}
	result := {"msg": sprintf("application gateway %s allows minimum protocol %v", [input.name, v]), "evidence": {"minProtocolVersion": v}}
}
