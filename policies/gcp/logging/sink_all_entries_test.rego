package kumo.gcp.logging.sink_all_entries_test

import rego.v1

import data.kumo.gcp.logging.sink_all_entries as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogSink": {"//logging.googleapis.com/projects/payments-prod-4821/all-logs": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogSink", "id": "//logging.googleapis.com/projects/payments-prod-4821/all-logs", "name": "all-logs", "tags": {}, "config": {"name": "all-logs", "destination": "storage.googleapis.com/payments-audit-logs", "filter": "severity>=ERROR", "includeChildren": false, "writerIdentity": "serviceAccount:p1@gcp-sa-logging.iam.gserviceaccount.com"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"logging.googleapis.com/LogSink": {"//logging.googleapis.com/projects/payments-prod-4821/all-logs": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "logging.googleapis.com/LogSink", "id": "//logging.googleapis.com/projects/payments-prod-4821/all-logs", "name": "all-logs", "tags": {}, "config": {"name": "all-logs", "destination": "storage.googleapis.com/payments-audit-logs", "filter": "", "includeChildren": false, "writerIdentity": "serviceAccount:p1@gcp-sa-logging.iam.gserviceaccount.com"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"cloudresourcemanager.googleapis.com/Project": {"//cloudresourcemanager.googleapis.com/projects/482100000001": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001"}, "supplementary": {}, "ancestors": ["projects/482100000001", "folders/301122334455", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/viewer", "members": ["group:eng@example.com"]}]}}}, "logging.googleapis.com/LogSink": {"//logging.googleapis.com/projects/organizations/123456789012/all-logs": {"provider": "gcp", "account": "organizations/123456789012", "region": "global", "type": "logging.googleapis.com/LogSink", "id": "//logging.googleapis.com/projects/organizations/123456789012/all-logs", "name": "all-logs", "tags": {}, "config": {"name": "all-logs", "destination": "storage.googleapis.com/payments-audit-logs", "filter": "", "includeChildren": true, "writerIdentity": "serviceAccount:p1@gcp-sa-logging.iam.gserviceaccount.com"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}
