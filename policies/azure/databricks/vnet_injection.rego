# METADATA
# title: "Databricks workspaces are deployed in a customer-managed VNet"
# description: >-
#   A workspace in the Databricks-managed VNet cannot use your NSGs, routes, firewalls or
#   private connectivity. Fails when parameters.customVirtualNetworkId.value is empty.
# custom:
#   id: AZ-DATABRICKS-001
#   severity: medium
#   resource_types: ["microsoft.databricks/workspaces"]
#   frameworks:
#     cis-azure-6.0: ["2.1.1"]
#   remediation: docs/kaizen/AZ-DATABRICKS-001.md
package kumo.azure.databricks.vnet_injection

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	object.get(props, ["parameters", "customVirtualNetworkId", "value"], "") in {"", null}
	result := {"msg": sprintf("Databricks workspace %s runs in a Databricks-managed virtual network", [input.name])}
}
