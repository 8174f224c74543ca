# METADATA
# title: "VPN gateway point-to-site uses Entra ID authentication only"
# description: >-
#   Certificate and RADIUS point-to-site authentication bypass Entra Conditional Access and
#   MFA. Fails when a gateway with vpnClientConfiguration lists an authentication type other
#   than AAD, or none (certificate).
# custom:
#   id: AZ-NETWORK-007
#   severity: medium
#   resource_types: ["microsoft.network/virtualnetworkgateways"]
#   frameworks:
#     cis-azure-6.0: ["7.9"]
#   remediation: docs/kaizen/AZ-NETWORK-007.md
package kumo.azure.network.vpn_p2s_entra_only

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	cfg := object.get(props, "vpnClientConfiguration", null)
	is_object(cfg)
	types := as_array(object.get(cfg, "vpnAuthenticationTypes", []))
	count(types) == 0
	result := {"msg": sprintf("VPN gateway %s point-to-site configuration does not use Entra ID authentication", [input.name])}
}

deny contains result if {
	cfg := object.get(props, "vpnClientConfiguration", null)
	is_object(cfg)
	some t in as_array(object.get(cfg, "vpnAuthenticationTypes", []))
	upper(sprintf("%v", [t])) != "AAD"
	result := {"msg": sprintf("VPN gateway %s point-to-site allows %v authentication", [input.name, t]), "evidence": {"type": t}}
}
