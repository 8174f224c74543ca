# METADATA
# title: "Databricks workspaces are reached through private endpoints"
# description: >-
#   Private Link keeps UI, API and cluster traffic off the internet. Fails when the
#   workspace has no Approved private endpoint connection.
# custom:
#   id: AZ-DATABRICKS-004
#   severity: medium
#   resource_types: ["microsoft.databricks/workspaces"]
#   frameworks:
#     cis-azure-6.0: ["2.1.11"]
#   remediation: docs/kaizen/AZ-DATABRICKS-004.md
package kumo.azure.databricks.private_endpoint

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

approved contains pe.id if {
	some pe in as_array(object.get(props, "privateEndpointConnections", []))
	lower(sprintf("%v", [object.get(pe, ["properties", "privateLinkServiceConnectionState", "status"], "")])) == "approved"
}

deny contains result if {
	count(approved) == 0
	result := {"msg": sprintf("Databricks workspace %s has no approved private endpoint", [input.name])}
}
