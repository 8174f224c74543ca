# METADATA
# title: "Databricks secure cluster connectivity (no public IP) is on"
# description: >-
#   Without secure cluster connectivity every cluster node gets a public IP and open inbound
#   management ports. Fails when parameters.enableNoPublicIp.value is not true.
# custom:
#   id: AZ-DATABRICKS-002
#   severity: high
#   resource_types: ["microsoft.databricks/workspaces"]
#   frameworks:
#     cis-azure-6.0: ["2.1.9"]
#   remediation: docs/kaizen/AZ-DATABRICKS-002.md
package kumo.azure.databricks.no_public_ip

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	not is_true(object.get(props, ["parameters", "enableNoPublicIp", "value"], false))
	result := {"msg": sprintf("Databricks workspace %s gives cluster nodes public IP addresses", [input.name])}
}
