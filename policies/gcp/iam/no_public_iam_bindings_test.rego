package kumo.gcp.iam.no_public_iam_bindings_test

import rego.v1

import data.kumo.gcp.iam.no_public_iam_bindings as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/viewer", "members": ["allAuthenticatedUsers"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/viewer", "members": ["group:eng@example.com"]}]}}
}
