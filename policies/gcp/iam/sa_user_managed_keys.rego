# METADATA
# title: "Service accounts have no user-managed keys"
# description: >-
#   A user-managed (downloadable) service account key is a long-lived credential that works
#   from anywhere until it is deleted. Fails for every enabled key with keyType
#   USER_MANAGED; Google-managed (SYSTEM_MANAGED) keys pass.
# custom:
#   id: GCP-IAM-001
#   severity: high
#   resource_types: ["iam.googleapis.com/ServiceAccountKey"]
#   frameworks:
#     cis-gcp-5.0: ["1.5"]
#     kumo-iam: ["long-lived-credentials"]
#   remediation: docs/kaizen/GCP-IAM-001.md
package kumo.gcp.iam.sa_user_managed_keys

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
	upper(sprintf("%v", [object.get(cfg, "keyType", "")])) == "USER_MANAGED"
	not is_true(object.get(cfg, "disabled", false))
	result := {"msg": sprintf("service account key %s is user-managed (downloadable, valid until %v)", [input.name, object.get(cfg, "validBeforeTime", "unknown")]), "evidence": {"keyType": cfg.keyType}}
}
