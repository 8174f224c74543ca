# METADATA
# title: "Projects have no legacy (non-subnet) networks"
# description: >-
#   Fails for a network with an IPv4Range (legacy mode, no subnetworks).
# custom:
#   id: GCP-NETWORK-002
#   severity: medium
#   resource_types: ["compute.googleapis.com/Network"]
#   frameworks:
#     cis-gcp-5.0: ["3.2"]
#   remediation: docs/kaizen/GCP-NETWORK-002.md
package kumo.gcp.network.no_legacy_network

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
	object.get(cfg, "IPv4Range", "") != ""
	result := {"msg": sprintf("network %s is a legacy network (%v)", [input.name, cfg.IPv4Range]), "evidence": {"IPv4Range": cfg.IPv4Range}}
}
