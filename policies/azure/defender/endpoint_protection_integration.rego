# METADATA
# title: "Defender for Endpoint integration is on"
# description: >-
#   The WDATP setting connects Defender for Servers to Microsoft Defender for Endpoint
#   (EDR). Fails when the microsoft.security/settings resource WDATP has enabled false.
# custom:
#   id: AZ-DEFENDER-014
#   severity: medium
#   resource_types: ["microsoft.security/settings"]
#   frameworks:
#     cis-azure-6.0: ["8.1.3.3"]
#   remediation: docs/kaizen/AZ-DEFENDER-014.md
package kumo.azure.defender.endpoint_protection_integration

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	upper(input.name) == "WDATP"
	not is_true(object.get(props, "enabled", false))
	result := {"msg": sprintf("Defender for Endpoint integration (WDATP) is off in subscription %s", [input.account])}
}
