# METADATA
# title: "Subscriptions with web apps have Application Insights"
# description: >-
#   Application telemetry is needed to trace incidents inside applications. Account scope:
#   fails for a subscription that holds App Service sites (microsoft.web/sites) but no
#   Application Insights component.
# custom:
#   id: AZ-MONITOR-014
#   severity: low
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["6.1.3.1"]
#   remediation: docs/kaizen/AZ-MONITOR-014.md
package kumo.azure.monitor.application_insights_configured

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	some s in resources_of("microsoft.web/sites")
	s.account == input.account
	count([c | some c in resources_of("microsoft.insights/components"); c.account == input.account]) == 0
	result := {"msg": sprintf("subscription %s runs web apps but has no Application Insights component", [input.account])}
}
