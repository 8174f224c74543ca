package kumo.gcp.logging.metric_alert_bucket_iam_changes_test

import rego.v1

import data.kumo.gcp.logging.metric_alert_bucket_iam_changes as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/errors": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/errors", "name": "errors", "tags": {}, "config": {"name": "errors", "filter": "severity>=ERROR"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/bucket-iam-changes": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/bucket-iam-changes", "name": "bucket-iam-changes", "tags": {}, "config": {"name": "bucket-iam-changes", "filter": "resource.type=\"gcs_bucket\" AND protoPayload.methodName=\"storage.setIamPermissions\"", "metricDescriptor": {"type": "logging.googleapis.com/user/bucket-iam-changes", "metricKind": "DELTA", "valueType": "INT64"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}, "monitoring.googleapis.com/AlertPolicy": {"//monitoring.googleapis.com/projects/payments-prod-4821/123": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "monitoring.googleapis.com/AlertPolicy", "id": "//monitoring.googleapis.com/projects/payments-prod-4821/123", "name": "123", "tags": {}, "config": {"name": "projects/payments-prod-4821/alertPolicies/123", "displayName": "alert bucket-iam-changes", "enabled": false, "conditions": [{"displayName": "bucket-iam-changes", "conditionThreshold": {"filter": "metric.type=\"logging.googleapis.com/user/bucket-iam-changes\" AND resource.type=\"global\"", "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}], "notificationChannels": ["projects/payments-prod-4821/notificationChannels/9"]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogMetric": {"//logging.googleapis.com/projects/payments-prod-4821/bucket-iam-changes": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogMetric", "id": "//logging.googleapis.com/projects/payments-prod-4821/bucket-iam-changes", "name": "bucket-iam-changes", "tags": {}, "config": {"name": "bucket-iam-changes", "filter": "resource.type=\"gcs_bucket\" AND protoPayload.methodName=\"storage.setIamPermissions\"", "metricDescriptor": {"type": "logging.googleapis.com/user/bucket-iam-changes", "metricKind": "DELTA", "valueType": "INT64"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}, "monitoring.googleapis.com/AlertPolicy": {"//monitoring.googleapis.com/projects/payments-prod-4821/123": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "monitoring.googleapis.com/AlertPolicy", "id": "//monitoring.googleapis.com/projects/payments-prod-4821/123", "name": "123", "tags": {}, "config": {"name": "projects/payments-prod-4821/alertPolicies/123", "displayName": "alert bucket-iam-changes", "enabled": true, "conditions": [{"displayName": "bucket-iam-changes", "conditionThreshold": {"filter": "metric.type=\"logging.googleapis.com/user/bucket-iam-changes\" AND resource.type=\"global\"", "comparison": "COMPARISON_GT", "thresholdValue": 0, "duration": "0s"}}], "notificationChannels": ["projects/payments-prod-4821/notificationChannels/9"]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {}
}
