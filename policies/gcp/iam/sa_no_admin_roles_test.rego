package kumo.gcp.iam.sa_no_admin_roles_test

import rego.v1

import data.kumo.gcp.iam.sa_no_admin_roles as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/editor", "members": ["serviceAccount:482100000001-compute@developer.gserviceaccount.com"]}]}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/storage.admin", "members": ["serviceAccount:app@payments-prod-4821.iam.gserviceaccount.com"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/storage.objectViewer", "members": ["serviceAccount:app@payments-prod-4821.iam.gserviceaccount.com"]}, {"role": "roles/editor", "members": ["serviceAccount:482100000001@cloudservices.gserviceaccount.com"]}]}}
}
