# METADATA
# title: "Storage account access keys are regenerated within 90 days"
# description: >-
#   Long-lived account keys leak through code and tooling. Judged from
#   keyCreationTime.key1/key2 when the account still allows shared keys; fails when a key is
#   older than 90 days. Accounts without the timestamps or with shared keys disabled are not
#   judged.
# custom:
#   id: AZ-STORAGE-011
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.1.2"]
#   remediation: docs/kaizen/AZ-STORAGE-011.md
package kumo.azure.storage.access_keys_regenerated

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

shared_keys_allowed if not lower(sprintf("%v", [object.get(props, "allowSharedKeyAccess", true)])) == "false"

deny contains result if {
	shared_keys_allowed
	some key in ["key1", "key2"]
	ts := object.get(props, ["keyCreationTime", key], null)
	is_string(ts)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}`, ts)
	created := time.parse_rfc3339_ns(concat("", [substring(ts, 0, 19), "Z"]))
	days := floor((time.now_ns() - created) / 86400000000000)
	days > 90
	result := {"msg": sprintf("storage account %s %s was last regenerated %v days ago (rotate within 90)", [input.name, key, days]), "evidence": {"key": key, "keyCreationTime": ts, "days": days}}
}
