# METADATA
# title: "A diagnostic setting exports the subscription activity log"
# description: >-
#   The activity log is kept for only 90 days unless a subscription diagnostic setting
#   exports it. Account scope: when the inventory holds diagnostic settings, fails for a
#   subscription that has none at subscription level.
# custom:
#   id: AZ-MONITOR-001
#   severity: medium
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["6.1.1.1"]
#   remediation: docs/kaizen/AZ-MONITOR-001.md
package kumo.azure.monitor.activity_log_diagnostic_setting

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

diag_collected if count(resources_of("microsoft.insights/diagnosticsettings")) > 0

subscription_setting if {
	some d in resources_of("microsoft.insights/diagnosticsettings")
	regex.match(`^/subscriptions/[^/]+/providers/microsoft\.insights/diagnosticsettings/`, lower(d.id))
	startswith(lower(d.id), concat("", ["/subscriptions/", lower(input.account), "/"]))
}

deny contains result if {
	diag_collected
	not subscription_setting
	result := {"msg": sprintf("subscription %s has no diagnostic setting exporting its activity log", [input.account])}
}
