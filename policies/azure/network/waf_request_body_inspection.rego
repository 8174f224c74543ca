# METADATA
# title: "WAF policies inspect request bodies"
# description: >-
#   With request body inspection off the WAF only sees URLs and headers, so payloads in POST
#   bodies pass unchecked. Fails when policySettings.requestBodyCheck is false.
# custom:
#   id: AZ-NETWORK-012
#   severity: medium
#   resource_types: ["microsoft.network/applicationgatewaywebapplicationfirewallpolicies"]
#   frameworks:
#     cis-azure-6.0: ["7.14"]
#   remediation: docs/kaizen/AZ-NETWORK-012.md
package kumo.azure.network.waf_request_body_inspection

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["policySettings", "requestBodyCheck"], true))
	result := {"msg": sprintf("WAF policy %s does not inspect request bodies", [input.name])}
}
