package kumo.gcp.iam.sa_key_rotated_90_days_test

import rego.v1

import data.kumo.gcp.iam.sa_key_rotated_90_days as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "iam.googleapis.com/ServiceAccountKey", "id": "//iam.googleapis.com/projects/payments-prod-4821/3f9a1c7e", "name": "3f9a1c7e", "tags": {}, "config": {"name": "projects/payments-prod-4821/serviceAccounts/app@payments-prod-4821.iam.gserviceaccount.com/keys/3f9a1c7e", "validAfterTime": "2023-03-01T09:00:00Z", "validBeforeTime": "9999-12-31T23:59:59Z", "keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": "USER_MANAGED"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "iam.googleapis.com/ServiceAccountKey", "id": "//iam.googleapis.com/projects/payments-prod-4821/3f9a1c7e", "name": "3f9a1c7e", "tags": {}, "config": {"name": "projects/payments-prod-4821/serviceAccounts/app@payments-prod-4821.iam.gserviceaccount.com/keys/3f9a1c7e", "validAfterTime": "2023-03-01T09:00:00Z", "validBeforeTime": "9999-12-31T23:59:59Z", "keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": "SYSTEM_MANAGED"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "iam.googleapis.com/ServiceAccountKey", "id": "//iam.googleapis.com/projects/payments-prod-4821/3f9a1c7e", "name": "3f9a1c7e", "tags": {}, "config": {"name": "projects/payments-prod-4821/serviceAccounts/app@payments-prod-4821.iam.gserviceaccount.com/keys/3f9a1c7e", "validAfterTime": "2999-01-01T00:00:00Z", "validBeforeTime": "9999-12-31T23:59:59Z", "keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": "USER_MANAGED"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
