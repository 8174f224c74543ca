# METADATA
# title: "Vertex AI Workbench disks are encrypted with a customer-managed key"
# description: >-
#   Notebook disks accumulate copies of training data, credentials and outputs. Fails unless
#   the boot disk (gceSetup.bootDisk.diskEncryption) or legacy diskEncryption is CMEK.
# custom:
#   id: GCP-NOTEBOOKS-005
#   severity: low
#   resource_types: ["notebooks.googleapis.com/Instance"]
#   frameworks:
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/GCP-NOTEBOOKS-005.md
package kumo.gcp.notebooks.boot_disk_cmek

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

gce := object.get(cfg, "gceSetup", {})

cmek if upper(sprintf("%v", [object.get(gce, ["bootDisk", "diskEncryption"], "")])) == "CMEK"

cmek if upper(sprintf("%v", [object.get(cfg, "diskEncryption", "")])) == "CMEK"

deny contains result if {
	not cmek
	result := {"msg": sprintf("Workbench instance %s disk is not encrypted with a customer-managed key", [input.name]), "evidence": {"diskEncryption": object.get(gce, ["bootDisk", "diskEncryption"], object.get(cfg, "diskEncryption", null))}}
}
