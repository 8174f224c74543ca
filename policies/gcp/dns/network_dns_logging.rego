# METADATA
# title: "Cloud DNS query logging is on for every VPC network"
# description: >-
#   A VPC network must be attached to a Cloud DNS server policy with enableLogging true.
#   Judged only when the inventory holds DNS assets (dns.googleapis.com/Policy or
#   ManagedZone).
# custom:
#   id: GCP-DNS-001
#   severity: low
#   resource_types: ["compute.googleapis.com/Network"]
#   frameworks:
#     cis-gcp-5.0: ["2.13"]
#   remediation: docs/kaizen/GCP-DNS-001.md
package kumo.gcp.dns.network_dns_logging

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

judged if count(resources_of("dns.googleapis.com/Policy")) + count(resources_of("dns.googleapis.com/ManagedZone")) > 0

logged if {
	some p in resources_of("dns.googleapis.com/Policy")
	is_true(object.get(p.config, "enableLogging", false))
	some n in as_array(object.get(p.config, "networks", []))
	url := sprintf("%v", [object.get(n, "networkUrl", "")])
	endswith(url, concat("", ["/projects/", input.account, "/global/networks/", object.get(cfg, "name", input.name)]))
}

deny contains result if {
	judged
	not logged
	result := {"msg": sprintf("VPC network %s has no DNS policy with query logging", [input.name]), "evidence": {}}
}
