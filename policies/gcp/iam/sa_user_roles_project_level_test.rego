package kumo.gcp.iam.sa_user_roles_project_level_test

import rego.v1

import data.kumo.gcp.iam.sa_user_roles_project_level as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["user:dev@example.com"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/viewer", "members": ["group:eng@example.com"]}]}}
}
