# METADATA
# title: "A log metric and alert exist for audit configuration changes"
# description: >-
#   Account-scoped: the project needs a logs-based metric whose filter covers audit
#   configuration changes and an enabled alerting policy on that metric. Judged only when
#   the inventory holds logging or monitoring assets (LogMetric, AlertPolicy or LogSink); a
#   project without them then FAILs.
# custom:
#   id: GCP-LOGGING-002
#   severity: medium
#   scope: account
#   frameworks:
#     cis-gcp-5.0: ["2.6"]
#   remediation: docs/kaizen/GCP-LOGGING-002.md
package kumo.gcp.logging.metric_alert_audit_config_changes

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

tokens := ["setiampolicy", "auditconfigdeltas"]

norm(s) := lower(replace(replace(replace(sprintf("%v", [s]), " ", ""), "\"", ""), "\n", ""))

judged if count(resources_of("logging.googleapis.com/LogMetric")) + count(resources_of("monitoring.googleapis.com/AlertPolicy")) + count(resources_of("logging.googleapis.com/LogSink")) > 0

metric_names contains name if {
	some m in resources_of("logging.googleapis.com/LogMetric")
	m.account == input.account
	f := norm(object.get(m.config, "filter", ""))
	every t in tokens {
		contains(f, t)
	}
	parts := split(sprintf("%v", [object.get(m.config, "name", m.name)]), "/")
	name := parts[count(parts) - 1]
}

alerted if {
	some name in metric_names
	some p in resources_of("monitoring.googleapis.com/AlertPolicy")
	p.account == input.account
	is_true(object.get(p.config, "enabled", false))
	some c in as_array(object.get(p.config, "conditions", []))
	contains(norm(object.get(c, ["conditionThreshold", "filter"], "")), lower(concat("", ["logging.googleapis.com/user/", name])))
}

deny contains result if {
	judged
	count(metric_names) == 0
	result := {"msg": sprintf("project %s has no logs-based metric for audit configuration changes", [input.account]), "evidence": {"required_filter_terms": tokens}}
}

deny contains result if {
	judged
	count(metric_names) > 0
	not alerted
	result := {"msg": sprintf("project %s has a metric for audit configuration changes but no enabled alerting policy on it", [input.account]), "evidence": {"metrics": metric_names}}
}
