# METADATA
# title: "A security contact email is configured"
# description: >-
#   Defender for Cloud needs an additional email address for the security team. Fails when
#   emails (older API: email) is empty.
# custom:
#   id: AZ-DEFENDER-016
#   severity: medium
#   resource_types: ["microsoft.security/securitycontacts"]
#   frameworks:
#     cis-azure-6.0: ["8.1.13"]
#   remediation: docs/kaizen/AZ-DEFENDER-016.md
package kumo.azure.defender.contact_email

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	e := object.get(props, "emails", object.get(props, "email", ""))
	trim_space(sprintf("%v", [e])) in {"", "null"}
	result := {"msg": sprintf("no security contact email is configured in subscription %s", [input.account])}
}
