# METADATA
# title: "Storage accounts require TLS 1.2 or newer"
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses. Fails when minimumTlsVersion is absent (the API
#   default is TLS1_0) or lower than TLS1_2.
# custom:
#   id: AZ-STORAGE-002
#   severity: high
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.6"]
#   remediation: docs/kaizen/AZ-STORAGE-002.md
package kumo.azure.storage.minimum_tls_12

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

deny contains result if {
	v := object.get(props, "minimumTlsVersion", "TLS1_0")
	not upper(sprintf("%v", [v])) in {"TLS1_2", "TLS1_3"}
	result := {"msg": sprintf("storage account %s allows TLS older than 1.2 (minimumTlsVersion %v)", [input.name, v]), "evidence": {"minimumTlsVersion": v}}
}
