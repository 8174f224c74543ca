# METADATA
# title: "BigQuery datasets are not shared with allUsers or allAuthenticatedUsers"
# description: >-
#   Fails when the dataset's access list (iamMember or specialGroup) or IAM policy includes
#   allUsers or allAuthenticatedUsers.
# custom:
#   id: GCP-BIGQUERY-001
#   severity: critical
#   resource_types: ["bigquery.googleapis.com/Dataset"]
#   frameworks:
#     cis-gcp-5.0: ["7.1"]
#     kumo-iam: ["public-access"]
#     owasp-llm-2025: ["LLM02"]
#   remediation: docs/kaizen/GCP-BIGQUERY-001.md
package kumo.gcp.bigquery.dataset_not_public

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

public_members := {"allUsers", "allAuthenticatedUsers"}

deny contains result if {
	some a in as_array(object.get(cfg, "access", []))
	some k in ["iamMember", "specialGroup"]
	object.get(a, k, "") in public_members
	result := {"msg": sprintf("dataset %s grants %v to %v", [input.name, object.get(a, "role", ""), a[k]]), "evidence": {"access": a}}
}

deny contains result if {
	some b in bindings
	some m in as_array(object.get(b, "members", []))
	m in public_members
	result := {"msg": sprintf("dataset %s grants %v to %s", [input.name, object.get(b, "role", ""), m]), "evidence": {"member": m}}
}
