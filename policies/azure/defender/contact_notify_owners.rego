# METADATA
# title: "Security alert emails go to subscription owners"
# description: >-
#   Owners should hear about Defender alerts on their subscription. Fails when
#   notificationsByRole is not On with the Owner role (older API: alertsToAdmins not On).
# custom:
#   id: AZ-DEFENDER-015
#   severity: low
#   resource_types: ["microsoft.security/securitycontacts"]
#   frameworks:
#     cis-azure-6.0: ["8.1.12"]
#   remediation: docs/kaizen/AZ-DEFENDER-015.md
package kumo.azure.defender.contact_notify_owners

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

owners_notified if {
	nb := object.get(props, "notificationsByRole", {})
	lower(sprintf("%v", [object.get(nb, "state", "")])) == "on"
	some role in as_array(object.get(nb, "roles", []))
	lower(sprintf("%v", [role])) == "owner"
}

owners_notified if lower(sprintf("%v", [object.get(props, "alertsToAdmins", "")])) == "on"

deny contains result if {
	not owners_notified
	result := {"msg": sprintf("Defender for Cloud does not email subscription owners in %s", [input.account])}
}
