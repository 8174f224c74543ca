# METADATA
# title: "Buckets that receive exported logs have a locked retention policy"
# description: >-
#   A bucket named as the destination of a log sink in the inventory must have
#   retentionPolicy with a retentionPeriod and isLocked true. Buckets that are not log-sink
#   destinations are not judged.
# custom:
#   id: GCP-LOGGING-011
#   severity: medium
#   resource_types: ["storage.googleapis.com/Bucket"]
#   frameworks:
#     cis-gcp-5.0: ["2.4"]
#   remediation: docs/kaizen/GCP-LOGGING-011.md
package kumo.gcp.logging.sink_bucket_locked_retention

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

is_sink_destination if {
	some s in resources_of("logging.googleapis.com/LogSink")
	object.get(s.config, "destination", "") == concat("", ["storage.googleapis.com/", object.get(cfg, "name", input.name)])
}

locked if {
	is_true(object.get(cfg, ["retentionPolicy", "isLocked"], false))
	to_number(object.get(cfg, ["retentionPolicy", "retentionPeriod"], "0")) > 0
}

deny contains result if {
	is_sink_destination
	not locked
	result := {"msg": sprintf("log sink bucket %s has no locked retention policy", [input.name]), "evidence": {"retentionPolicy": object.get(cfg, "retentionPolicy", null)}}
}
