# METADATA
# title: "Storage cross-tenant replication is disabled"
# description: >-
#   Object replication to another Entra tenant copies data out of your administrative
#   control. Fails when allowCrossTenantReplication is true; absent means the current
#   default (false).
# custom:
#   id: AZ-STORAGE-008
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.7"]
#   remediation: docs/kaizen/AZ-STORAGE-008.md
package kumo.azure.storage.cross_tenant_replication_disabled

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	is_true(object.get(props, "allowCrossTenantReplication", false))
	result := {"msg": sprintf("storage account %s allows object replication to other tenants", [input.name])}
}
