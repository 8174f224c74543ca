# METADATA
# title: "Storage account key rotation reminders are enabled"
# description: >-
#   Accounts that still allow shared keys need a key expiration policy so that old keys are
#   noticed. Fails when shared keys are allowed and keyPolicy.keyExpirationPeriodInDays is
#   missing or above 90; accounts with shared key access disabled pass.
# custom:
#   id: AZ-STORAGE-010
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts"]
#   frameworks:
#     cis-azure-6.0: ["9.3.1.1"]
#   remediation: docs/kaizen/AZ-STORAGE-010.md
package kumo.azure.storage.key_rotation_reminder

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
	days := object.get(props, ["keyPolicy", "keyExpirationPeriodInDays"], null)
	not acceptable(days)
	result := {"msg": sprintf("storage account %s allows shared keys without a key expiration policy of 90 days or less (%v)", [input.name, days]), "evidence": {"keyExpirationPeriodInDays": days}}
}

acceptable(days) if {
	is_number(days)
	days <= 90
}
