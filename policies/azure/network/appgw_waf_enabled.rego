# METADATA
# title: "Application gateways run the Web Application Firewall"
# description: >-
#   An application gateway without WAF forwards injection and other OWASP Top 10 attacks
#   straight to the backends. Fails unless the SKU tier is WAF/WAF_v2, a firewallPolicy is
#   attached or webApplicationFirewallConfiguration.enabled is true.
# custom:
#   id: AZ-NETWORK-008
#   severity: medium
#   resource_types: ["microsoft.network/applicationgateways"]
#   frameworks:
#     cis-azure-6.0: ["7.10"]
#   remediation: docs/kaizen/AZ-NETWORK-008.md
package kumo.azure.network.appgw_waf_enabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

waf_on if startswith(lower(sprintf("%v", [object.get(props, ["sku", "tier"], "")])), "waf")

waf_on if object.get(props, ["firewallPolicy", "id"], "") != ""

waf_on if is_true(object.get(props, ["webApplicationFirewallConfiguration", "enabled"], false))

deny contains result if {
	not waf_on
	result := {"msg": sprintf("application gateway %s has no Web Application Firewall", [input.name]), "evidence": {"tier": object.get(props, ["sku", "tier"], null)}}
}
