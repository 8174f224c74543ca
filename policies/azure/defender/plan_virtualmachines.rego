# METADATA
# title: "Defender for Servers is on"
# description: >-
#   The Microsoft Defender for Cloud plan VirtualMachines
#   (microsoft.security/pricings/VirtualMachines) must be on the Standard tier. Judged on
#   the pricing resource of each subscription; fails when pricingTier is not Standard.
# custom:
#   id: AZ-DEFENDER-003
#   severity: high
#   resource_types: ["microsoft.security/pricings"]
#   frameworks:
#     cis-azure-6.0: ["8.1.3.1"]
#   remediation: docs/kaizen/AZ-DEFENDER-003.md
package kumo.azure.defender.plan_virtualmachines

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	lower(input.name) == "virtualmachines"
	tier := object.get(props, "pricingTier", "Free")
	lower(sprintf("%v", [tier])) != "standard"
	result := {"msg": sprintf("Defender for Servers is off in subscription %s (pricingTier %v)", [input.account, tier]), "evidence": {"plan": input.name, "pricingTier": tier}}
}
