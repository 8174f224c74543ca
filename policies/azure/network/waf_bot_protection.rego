# METADATA
# title: "WAF policies enable bot protection"
# description: >-
#   Without the Microsoft_BotManagerRuleSet the WAF does not block known malicious bots and
#   scanners. Fails when managedRules.managedRuleSets has no Microsoft_BotManagerRuleSet.
# custom:
#   id: AZ-NETWORK-013
#   severity: low
#   resource_types: ["microsoft.network/applicationgatewaywebapplicationfirewallpolicies"]
#   frameworks:
#     cis-azure-6.0: ["7.15"]
#   remediation: docs/kaizen/AZ-NETWORK-013.md
package kumo.azure.network.waf_bot_protection

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bot_rules if {
	some rs in as_array(object.get(props, ["managedRules", "managedRuleSets"], []))
	lower(sprintf("%v", [object.get(rs, "ruleSetType", "")])) == "microsoft_botmanagerruleset"
}

deny contains result if {
	not bot_rules
	result := {"msg": sprintf("WAF policy %s has no bot protection rule set", [input.name])}
}
