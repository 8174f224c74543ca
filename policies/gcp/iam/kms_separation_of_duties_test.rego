package kumo.gcp.iam.kms_separation_of_duties_test

import rego.v1

import data.kumo.gcp.iam.kms_separation_of_duties as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/cloudkms.admin", "members": ["user:ops@example.com"]}, {"role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["user:ops@example.com"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudresourcemanager.googleapis.com/Project", "id": "//cloudresourcemanager.googleapis.com/projects/482100000001", "name": "482100000001", "tags": {}, "config": {"projectId": "payments-prod-4821", "projectNumber": "482100000001", "lifecycleState": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/cloudkms.admin", "members": ["group:kms-admins@example.com"]}, {"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "members": ["serviceAccount:app@payments-prod-4821.iam.gserviceaccount.com"]}]}}
}
