# METADATA
# title: "Alert email notifications are enabled with a severity threshold"
# description: >-
#   Alert emails must be on. Fails unless notificationsSources contains an Alert source
#   (older API: alertNotifications On / state On).
# custom:
#   id: AZ-DEFENDER-017
#   severity: medium
#   resource_types: ["microsoft.security/securitycontacts"]
#   frameworks:
#     cis-azure-6.0: ["8.1.14"]
#   remediation: docs/kaizen/AZ-DEFENDER-017.md
package kumo.azure.defender.contact_alert_notifications

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

alerts_on if {
	some s in as_array(object.get(props, "notificationsSources", []))
	lower(sprintf("%v", [object.get(s, "sourceType", "")])) == "alert"
}

alerts_on if lower(sprintf("%v", [object.get(props, "alertNotifications", "")])) == "on"

alerts_on if lower(sprintf("%v", [object.get(props, ["alertNotifications", "state"], "")])) == "on"

deny contains result if {
	not alerts_on
	result := {"msg": sprintf("Defender for Cloud alert emails are off in subscription %s", [input.account])}
}
