# METADATA
# title: "Databricks public network access is disabled"
# description: >-
#   A workspace with public network access Enabled exposes its web UI and REST API to the
#   internet. Fails unless publicNetworkAccess is Disabled; absent means Enabled.
# custom:
#   id: AZ-DATABRICKS-003
#   severity: medium
#   resource_types: ["microsoft.databricks/workspaces"]
#   frameworks:
#     cis-azure-6.0: ["2.1.10"]
#   remediation: docs/kaizen/AZ-DATABRICKS-003.md
package kumo.azure.databricks.public_network_access_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "publicNetworkAccess", "Enabled")
	lower(sprintf("%v", [v])) != "disabled"
	result := {"msg": sprintf("Databricks workspace %s has public network access %v", [input.name, v])}
}
