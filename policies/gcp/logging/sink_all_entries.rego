# METADATA
# title: "A log sink exports all log entries"
# description: >-
#   Account-scoped: the project needs a sink with an empty filter, or an ancestor
#   folder/organization sink with includeChildren and an empty filter. Judged only when the
#   inventory holds at least one LogSink.
# custom:
#   id: GCP-LOGGING-010
#   severity: medium
#   scope: account
#   frameworks:
#     cis-gcp-5.0: ["2.3"]
#   remediation: docs/kaizen/GCP-LOGGING-010.md
package kumo.gcp.logging.sink_all_entries

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

judged if count(resources_of("logging.googleapis.com/LogSink")) > 0

ancestors contains a if {
	some p in resources_of("cloudresourcemanager.googleapis.com/Project")
	p.account == input.account
	some a in as_array(object.get(p, "ancestors", []))
}

full(s) if trim_space(sprintf("%v", [object.get(s.config, "filter", "")])) == ""

exported if {
	some s in resources_of("logging.googleapis.com/LogSink")
	s.account == input.account
	full(s)
}

exported if {
	some s in resources_of("logging.googleapis.com/LogSink")
	s.account in ancestors
	is_true(object.get(s.config, "includeChildren", false))
	full(s)
}

deny contains result if {
	judged
	not exported
	result := {"msg": sprintf("no log sink exports all log entries of project %s", [input.account]), "evidence": {}}
}
