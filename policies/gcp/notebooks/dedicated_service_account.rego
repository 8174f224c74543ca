# METADATA
# title: "Vertex AI Workbench instances do not run as the default compute service account"
# description: >-
#   Fails when the instance's service account (gceSetup.serviceAccounts[].email or
#   serviceAccount) is the default Compute Engine account or is missing (which means the
#   default is used).
# custom:
#   id: GCP-NOTEBOOKS-002
#   severity: high
#   resource_types: ["notebooks.googleapis.com/Instance"]
#   frameworks:
#     owasp-llm-2025: ["LLM06"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/GCP-NOTEBOOKS-002.md
package kumo.gcp.notebooks.dedicated_service_account

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

emails contains e if {
	some sa in as_array(object.get(gce, "serviceAccounts", []))
	e := sprintf("%v", [object.get(sa, "email", "")])
}

emails contains e if {
	e := object.get(cfg, "serviceAccount", "")
	e != ""
}

deny contains result if {
	some e in emails
	endswith(e, "-compute@developer.gserviceaccount.com")
	result := {"msg": sprintf("Workbench instance %s runs as the default compute service account %s", [input.name, e]), "evidence": {"serviceAccount": e}}
}

deny contains result if {
	count(emails) == 0
	result := {"msg": sprintf("Workbench instance %s names no service account (the default compute account is used)", [input.name]), "evidence": {"serviceAccount": null}}
}
