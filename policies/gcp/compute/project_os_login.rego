# METADATA
# title: "OS Login is enabled for the project"
# description: >-
#   Fails unless the project metadata (commonInstanceMetadata) sets enable-oslogin to true.
# custom:
#   id: GCP-COMPUTE-010
#   severity: medium
#   resource_types: ["compute.googleapis.com/Project"]
#   frameworks:
#     cis-gcp-5.0: ["4.4"]
#     kumo-iam: ["central-identity"]
#   remediation: docs/kaizen/GCP-COMPUTE-010.md
package kumo.gcp.compute.project_os_login

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

deny contains result if {
	not oslogin
	result := {"msg": sprintf("project %s does not enable OS Login", [input.account]), "evidence": {"enable-oslogin": null}}
}

oslogin if {
	some it in as_array(object.get(cfg, ["commonInstanceMetadata", "items"], []))
	it.key == "enable-oslogin"
	lower(sprintf("%v", [object.get(it, "value", "")])) == "true"
}
