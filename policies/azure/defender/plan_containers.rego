# METADATA
# title: "Defender for Containers is on"
# description: >-
#   The Microsoft Defender for Cloud plan Containers
#   (microsoft.security/pricings/Containers) must be on the Standard tier. Judged on the
#   pricing resource of each subscription; fails when pricingTier is not Standard.
# custom:
#   id: AZ-DEFENDER-004
#   severity: medium
#   resource_types: ["microsoft.security/pricings"]
#   frameworks:
#     cis-azure-6.0: ["8.1.4.1"]
#   remediation: docs/kaizen/AZ-DEFENDER-004.md
package kumo.azure.defender.plan_containers

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	lower(input.name) == "containers"
	tier := object.get(props, "pricingTier", "Free")
	lower(sprintf("%v", [tier])) != "standard"
	result := {"msg": sprintf("Defender for Containers is off in subscription %s (pricingTier %v)", [input.account, tier]), "evidence": {"plan": input.name, "pricingTier": tier}}
}
