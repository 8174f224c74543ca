# METADATA
# title: "Attack path email notifications are enabled"
# description: >-
#   Defender CSPM attack paths show exploitable chains to critical assets. Fails unless
#   notificationsSources contains an AttackPath source.
# custom:
#   id: AZ-DEFENDER-018
#   severity: low
#   resource_types: ["microsoft.security/securitycontacts"]
#   frameworks:
#     cis-azure-6.0: ["8.1.15"]
#   remediation: docs/kaizen/AZ-DEFENDER-018.md
package kumo.azure.defender.contact_attack_path_notifications

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

attack_paths_on if {
	some s in as_array(object.get(props, "notificationsSources", []))
	lower(sprintf("%v", [object.get(s, "sourceType", "")])) == "attackpath"
}

deny contains result if {
	not attack_paths_on
	result := {"msg": sprintf("Defender for Cloud attack path emails are off in subscription %s", [input.account])}
}
