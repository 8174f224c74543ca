# METADATA
# title: "SMB channel encryption is AES-256-GCM"
# description: >-
#   AES-128 channel encryption is weaker than the AES-256-GCM the benchmark asks for. Fails
#   when protocolSettings.smb.channelEncryption is absent (all allowed) or lists anything
#   but AES-256-GCM.
# custom:
#   id: AZ-STORAGE-020
#   severity: low
#   resource_types: ["microsoft.storage/storageaccounts/fileservices"]
#   frameworks:
#     cis-azure-6.0: ["9.1.3"]
#   remediation: docs/kaizen/AZ-STORAGE-020.md
package kumo.azure.storage.smb_channel_encryption

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

algs := [a | some a in split(sprintf("%v", [object.get(props, ["protocolSettings", "smb", "channelEncryption"], "")]), ";"); a != ""]

deny contains result if {
	count(algs) == 0
	result := {"msg": sprintf("file service %s allows every SMB channel encryption algorithm", [input.id])}
}

deny contains result if {
	some a in algs
	upper(a) != "AES-256-GCM"
	result := {"msg": sprintf("file service %s allows SMB channel encryption %s", [input.id, a]), "evidence": {"algorithm": a}}
}
