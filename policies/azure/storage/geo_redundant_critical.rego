# METADATA
# title: "Critical storage accounts use geo-redundant storage"
# description: >-
#   A regional outage makes LRS/ZRS data unavailable or lost. Applies to accounts tagged
#   criticality=critical or high; fails when the SKU is not GRS, RA-GRS, GZRS or RA-GZRS.
# custom:
#   id: AZ-STORAGE-013
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.11"]
#   remediation: docs/kaizen/AZ-STORAGE-013.md
package kumo.azure.storage.geo_redundant_critical

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	some k, v in object.get(input, "tags", {})
	lower(k) == "criticality"
	lower(sprintf("%v", [v])) in {"critical", "high"}
	sku := object.get(input.config, ["sku", "name"], "")
	not contains(upper(sprintf("%v", [sku])), "GRS")
	not contains(upper(sprintf("%v", [sku])), "GZRS")
	result := {"msg": sprintf("critical storage account %s is not geo-redundant (sku %v)", [input.name, sku]), "evidence": {"sku": sku}}
}
