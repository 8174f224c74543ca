# METADATA
# title: "SMB file shares require SMB 3.1.1"
# description: >-
#   Older SMB dialects lack pre-authentication integrity and modern encryption. Fails when
#   protocolSettings.smb.versions is absent (all versions allowed) or lists anything but
#   SMB3.1.1.
# custom:
#   id: AZ-STORAGE-019
#   severity: medium
#   resource_types: ["microsoft.storage/storageaccounts/fileservices"]
#   frameworks:
#     cis-azure-6.0: ["9.1.2"]
#   remediation: docs/kaizen/AZ-STORAGE-019.md
package kumo.azure.storage.smb_protocol_version

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

versions := [v | some v in split(sprintf("%v", [object.get(props, ["protocolSettings", "smb", "versions"], "")]), ";"); v != ""]

deny contains result if {
	count(versions) == 0
	result := {"msg": sprintf("file service %s allows every SMB version (none restricted)", [input.id])}
}

deny contains result if {
	some v in versions
	upper(v) != "SMB3.1.1"
	result := {"msg": sprintf("file service %s allows %s", [input.id, v]), "evidence": {"version": v}}
}
