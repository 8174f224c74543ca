# METADATA
# title: "Cloud KMS symmetric keys rotate automatically at least every 90 days"
# description: >-
#   Fails for ENCRYPT_DECRYPT keys without a rotationPeriod or with one longer than 7776000s
#   (90 days). Asymmetric and MAC keys cannot rotate automatically and are not judged;
#   destroyed or disabled-only keys are still judged because their versions remain.
# custom:
#   id: GCP-KMS-002
#   severity: medium
#   resource_types: ["cloudkms.googleapis.com/CryptoKey"]
#   frameworks:
#     cis-gcp-5.0: ["1.11"]
#   remediation: docs/kaizen/GCP-KMS-002.md
package kumo.gcp.kms.key_rotation_90_days

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

symmetric if upper(sprintf("%v", [object.get(cfg, "purpose", "ENCRYPT_DECRYPT")])) == "ENCRYPT_DECRYPT"

period := sprintf("%v", [object.get(cfg, "rotationPeriod", "")])

deny contains result if {
	symmetric
	not regex.match(`^[0-9]+(\.[0-9]+)?s$`, period)
	result := {"msg": sprintf("key %s has no automatic rotation period", [input.name]), "evidence": {"rotationPeriod": object.get(cfg, "rotationPeriod", null)}}
}

deny contains result if {
	symmetric
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, period)
	to_number(trim_suffix(period, "s")) > 7776000
	result := {"msg": sprintf("key %s rotates every %s (more than 90 days)", [input.name, period]), "evidence": {"rotationPeriod": period}}
}
