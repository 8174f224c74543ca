# METADATA
# title: "Persistent disks are encrypted with customer-supplied or customer-managed keys"
# description: >-
#   Fails when diskEncryptionKey carries neither sha256 (CSEK) nor kmsKeyName (CMEK). CIS
#   asks for CSEK on critical VMs; kumo also accepts CMEK, which gives the same revocation
#   control with less key-handling risk.
# custom:
#   id: GCP-COMPUTE-011
#   severity: low
#   resource_types: ["compute.googleapis.com/Disk"]
#   frameworks:
#     cis-gcp-5.0: ["4.7"]
#   remediation: docs/kaizen/GCP-COMPUTE-011.md
package kumo.gcp.compute.disk_customer_key

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

keyed if object.get(cfg, ["diskEncryptionKey", "sha256"], "") != ""

keyed if object.get(cfg, ["diskEncryptionKey", "kmsKeyName"], "") != ""

deny contains result if {
	not keyed
	result := {"msg": sprintf("disk %s uses Google-managed encryption only", [input.name]), "evidence": {"diskEncryptionKey": object.get(cfg, "diskEncryptionKey", null)}}
}
