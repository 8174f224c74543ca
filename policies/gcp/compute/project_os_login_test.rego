package kumo.gcp.compute.project_os_login_test

import rego.v1

import data.kumo.gcp.compute.project_os_login as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Project", "id": "//compute.googleapis.com/projects/payments-prod-4821", "name": "payments-prod-4821", "tags": {}, "config": {"name": "payments-prod-4821", "commonInstanceMetadata": {"items": []}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Project", "id": "//compute.googleapis.com/projects/payments-prod-4821", "name": "payments-prod-4821", "tags": {}, "config": {"name": "payments-prod-4821", "commonInstanceMetadata": {"items": [{"key": "enable-oslogin", "value": "FALSE"}]}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Project", "id": "//compute.googleapis.com/projects/payments-prod-4821", "name": "payments-prod-4821", "tags": {}, "config": {"name": "payments-prod-4821", "commonInstanceMetadata": {"items": [{"key": "enable-oslogin", "value": "TRUE"}]}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
