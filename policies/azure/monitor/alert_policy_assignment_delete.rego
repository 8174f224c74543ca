# METADATA
# title: "An activity log alert fires on: Delete policy assignment"
# description: >-
#   Changes to policy assignments should page someone. Account scope: when the inventory
#   holds activity log alerts, fails for a subscription without an enabled alert (with an
#   action group) whose condition matches operationName
#   Microsoft.Authorization/policyAssignments/delete.
# custom:
#   id: AZ-MONITOR-004
#   severity: low
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["6.1.2.2"]
#   remediation: docs/kaizen/AZ-MONITOR-004.md
package kumo.azure.monitor.alert_policy_assignment_delete

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

alerts_collected if count(resources_of("microsoft.insights/activitylogalerts")) > 0

alert_for(a, field, value) if {
	a.account == input.account
	ap := object.get(a, ["config", "properties"], {})
	lower(sprintf("%v", [object.get(ap, "enabled", true)])) != "false"
	count(as_array(object.get(ap, ["actions", "actionGroups"], []))) > 0
	some c in as_array(object.get(ap, ["condition", "allOf"], []))
	lower(sprintf("%v", [object.get(c, "field", "")])) == field
	lower(sprintf("%v", [object.get(c, "equals", "")])) == lower(value)
}

deny contains result if {
	alerts_collected
	not has_alert
	result := {"msg": sprintf("subscription %s has no activity log alert for Microsoft.Authorization/policyAssignments/delete", [input.account]), "evidence": {"operationName": "Microsoft.Authorization/policyAssignments/delete"}}
}

has_alert if {
	some a in resources_of("microsoft.insights/activitylogalerts")
	alert_for(a, "operationname", "Microsoft.Authorization/policyAssignments/delete")
}
