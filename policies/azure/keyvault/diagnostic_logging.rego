# METADATA
# title: "Key vault audit logging is enabled"
# description: >-
#   Without a diagnostic setting nobody can tell who read which secret. When the inventory
#   holds diagnostic settings (microsoft.insights/diagnosticsettings), fails for a vault
#   with none that enables the audit or allLogs category group (or AuditEvent).
# custom:
#   id: AZ-KEYVAULT-008
#   severity: medium
#   resource_types: ["microsoft.keyvault/vaults"]
#   frameworks:
#     cis-azure-6.0: ["6.1.1.4"]
#   remediation: docs/kaizen/AZ-KEYVAULT-008.md
package kumo.azure.keyvault.diagnostic_logging

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

diag_collected if count(resources_of("microsoft.insights/diagnosticsettings")) > 0

audited if {
	prefix := concat("", [lower(input.id), "/providers/microsoft.insights/diagnosticsettings/"])
	some d in resources_of("microsoft.insights/diagnosticsettings")
	startswith(lower(d.id), prefix)
	some l in as_array(object.get(d, ["config", "properties", "logs"], []))
	is_true(object.get(l, "enabled", false))
	lower(sprintf("%v", [object.get(l, "categoryGroup", object.get(l, "category", ""))])) in {"audit", "alllogs", "auditevent"}
}

deny contains result if {
	diag_collected
	not audited
	result := {"msg": sprintf("key vault %s has no diagnostic setting exporting audit logs", [input.name])}
}
