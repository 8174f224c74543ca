# METADATA
# title: "Firewall rules do not allow SSH (tcp/22) from the internet"
# description: >-
#   Fails for enabled INGRESS allow rules with source 0.0.0.0/0 or ::/0 that allow tcp (or
#   all protocols) on port 22, either explicitly, in a range, or by listing no ports.
# custom:
#   id: GCP-NETWORK-003
#   severity: high
#   resource_types: ["compute.googleapis.com/Firewall"]
#   frameworks:
#     cis-gcp-5.0: ["3.6"]
#   remediation: docs/kaizen/GCP-NETWORK-003.md
package kumo.gcp.network.firewall_no_ssh_from_internet

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

port := 22

open_range(r) if r in {"0.0.0.0/0", "::/0"}

covers(rule) if {
	lower(sprintf("%v", [object.get(rule, "IPProtocol", "")])) in {"tcp", "all", "6"}
	count(as_array(object.get(rule, "ports", []))) == 0
}

covers(rule) if {
	lower(sprintf("%v", [object.get(rule, "IPProtocol", "")])) in {"tcp", "all", "6"}
	some p in as_array(object.get(rule, "ports", []))
	regex.match(`^[0-9]+$`, sprintf("%v", [p]))
	to_number(p) == port
}

covers(rule) if {
	lower(sprintf("%v", [object.get(rule, "IPProtocol", "")])) in {"tcp", "all", "6"}
	some p in as_array(object.get(rule, "ports", []))
	regex.match(`^[0-9]+-[0-9]+$`, sprintf("%v", [p]))
	parts := split(p, "-")
	to_number(parts[0]) <= port
	to_number(parts[1]) >= port
}

deny contains result if {
	upper(sprintf("%v", [object.get(cfg, "direction", "INGRESS")])) == "INGRESS"
	not is_true(object.get(cfg, "disabled", false))
	some src in as_array(object.get(cfg, "sourceRanges", []))
	open_range(src)
	some rule in as_array(object.get(cfg, "allowed", []))
	covers(rule)
	result := {"msg": sprintf("firewall rule %s allows SSH (tcp/%d) from %s", [input.name, port, src]), "evidence": {"sourceRange": src, "allowed": rule}}
}
