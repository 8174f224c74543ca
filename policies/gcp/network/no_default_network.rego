# METADATA
# title: "Projects do not keep the default VPC network"
# description: >-
#   Fails for a network named default (created with permissive
#   default-allow-ssh/rdp/icmp/internal rules).
# custom:
#   id: GCP-NETWORK-001
#   severity: medium
#   resource_types: ["compute.googleapis.com/Network"]
#   frameworks:
#     cis-gcp-5.0: ["3.1"]
#   remediation: docs/kaizen/GCP-NETWORK-001.md
package kumo.gcp.network.no_default_network

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
	lower(sprintf("%v", [object.get(cfg, "name", input.name)])) == "default"
	result := {"msg": sprintf("project %s still has the default network", [input.account]), "evidence": {"name": "default"}}
}
