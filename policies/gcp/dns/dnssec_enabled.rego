# METADATA
# title: "Public Cloud DNS zones have DNSSEC on"
# description: >-
#   Fails for public managed zones (visibility public or unset) whose dnssecConfig.state is
#   not on.
# custom:
#   id: GCP-DNS-002
#   severity: medium
#   resource_types: ["dns.googleapis.com/ManagedZone"]
#   frameworks:
#     cis-gcp-5.0: ["3.3"]
#   remediation: docs/kaizen/GCP-DNS-002.md
package kumo.gcp.dns.dnssec_enabled

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

public if lower(sprintf("%v", [object.get(cfg, "visibility", "public")])) == "public"

deny contains result if {
	public
	lower(sprintf("%v", [object.get(cfg, ["dnssecConfig", "state"], "off")])) != "on"
	result := {"msg": sprintf("public zone %v does not have DNSSEC on", [object.get(cfg, "dnsName", input.name)]), "evidence": {"dnssecConfig": object.get(cfg, "dnssecConfig", null)}}
}
