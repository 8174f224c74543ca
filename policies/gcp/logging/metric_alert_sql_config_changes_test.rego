package kumo.gcp.logging.metric_alert_sql_config_changes_test

import rego.v1

import data.kumo.gcp.logging.metric_alert_sql_config_changes as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/errors": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/errors", "name": "errors", "tags": {}, "config": {"name": "errors", "filter": "severity>=ERROR"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/sql-config-changes": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/sql-config-changes", "name": "sql-config-changes", "tags": {}, "config": {"name": "sql-config-changes", "filter": "protoPayload.methodName=\"cloudsql.instances.update\"", "metricDescriptor": {"type": "logging.googleapis.com/user/sql-config-changes", "metricKind": "DELTA", "valueType": "INT64"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}, "monitoring.googleapis.com/AlertPolicy": {"//monitoring.googleapis.com/projects/payments-prod-4821/123": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "monitoring.googleapis.com/AlertPolicy", "id": "//monitoring.googleapis.com/projects/payments-prod-4821/123", "name": "123", "tags": {}, "config": {"name": "projects/payments-prod-4821/alertPolicies/123", "displayName": "alert sql-config-changes", "enabled": false, "conditions": [{"displayName": "sql-config-changes", "conditionThreshold": {"filter": "metric.type=\"logging.googleapis.com/user/sql-config-changes\" AND resource.type=\"global\"", "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}], "notificationChannels": ["projects/payments-prod-4821/notificationChannels/9"]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/sql-config-changes": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/sql-config-changes", "name": "sql-config-changes", "tags": {}, "config": {"name": "sql-config-changes", "filter": "protoPayload.methodName=\"cloudsql.instances.update\"", "metricDescriptor": {"type": "logging.googleapis.com/user/sql-config-changes", "metricKind": "DELTA", "valueType": "INT64"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}, "monitoring.googleapis.com/AlertPolicy": {"//monitoring.googleapis.com/projects/payments-prod-4821/123": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "monitoring.googleapis.com/AlertPolicy", "id": "//monitoring.googleapis.com/projects/payments-prod-4821/123", "name": "123", "tags": {}, "config": {"name": "projects/payments-prod-4821/alertPolicies/123", "displayName": "alert sql-config-changes", "enabled": true, "conditions": [{"displayName": "sql-config-changes", "conditionThreshold": {"filter": "metric.type=\"logging.googleapis.com/user/sql-config-changes\" AND resource.type=\"global\"", "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}], "notificationChannels": ["projects/payments-prod-4821/notificationChannels/9"]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {}
}
