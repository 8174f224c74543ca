# METADATA
# title: "DNSSEC key-signing keys do not use RSASHA1"
# description: >-
#   Fails when dnssecConfig.defaultKeySpecs has a keySigning key with algorithm rsasha1.
# custom:
#   id: GCP-DNS-003
#   severity: medium
#   resource_types: ["dns.googleapis.com/ManagedZone"]
#   frameworks:
#     cis-gcp-5.0: ["3.4"]
#   remediation: docs/kaizen/GCP-DNS-003.md
package kumo.gcp.dns.no_rsasha1_ksk

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
	some spec in as_array(object.get(cfg, ["dnssecConfig", "defaultKeySpecs"], []))
	object.get(spec, "keyType", "") == "keySigning"
	lower(sprintf("%v", [object.get(spec, "algorithm", "")])) == "rsasha1"
	result := {"msg": sprintf("zone %v signs its key-signing key with RSASHA1", [object.get(cfg, "dnsName", input.name)]), "evidence": {"spec": spec}}
}
