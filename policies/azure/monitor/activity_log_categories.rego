# METADATA
# title: "The activity log diagnostic setting captures the key categories"
# description: >-
#   A subscription diagnostic setting must export the Administrative, Alert, Policy and
#   Security categories. Applies to subscription-level
#   microsoft.insights/diagnosticsettings; fails when one of them is missing or disabled.
# custom:
#   id: AZ-MONITOR-002
#   severity: medium
#   resource_types: ["microsoft.insights/diagnosticsettings"]
#   frameworks:
#     cis-azure-6.0: ["6.1.1.2"]
#   remediation: docs/kaizen/AZ-MONITOR-002.md
package kumo.azure.monitor.activity_log_categories

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

required := {"administrative", "alert", "policy", "security"}

subscription_level if regex.match(`^/subscriptions/[^/]+/providers/microsoft\.insights/diagnosticsettings/`, lower(input.id))

enabled_categories contains lower(sprintf("%v", [object.get(l, "category", "")])) if {
	some l in as_array(object.get(props, "logs", []))
	is_true(object.get(l, "enabled", false))
}

deny contains result if {
	subscription_level
	missing := required - enabled_categories
	count(missing) > 0
	result := {"msg": sprintf("activity log diagnostic setting %s does not export %v", [input.name, sort(missing)]), "evidence": {"missing": sort(missing)}}
}
