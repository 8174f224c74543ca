package kumo.gcp.kms.key_not_public_test

import rego.v1

import data.kumo.gcp.kms.key_not_public as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudkms.googleapis.com/CryptoKey", "id": "//cloudkms.googleapis.com/projects/payments-prod-4821/backups", "name": "backups", "tags": {}, "config": {"name": "projects/payments-prod-4821/locations/europe-west1/keyRings/payments/cryptoKeys/backups", "purpose": "ENCRYPT_DECRYPT", "primary": {"state": "ENABLED"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/cloudkms.cryptoKeyDecrypter", "members": ["allAuthenticatedUsers"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "cloudkms.googleapis.com/CryptoKey", "id": "//cloudkms.googleapis.com/projects/payments-prod-4821/backups", "name": "backups", "tags": {}, "config": {"name": "projects/payments-prod-4821/locations/europe-west1/keyRings/payments/cryptoKeys/backups", "purpose": "ENCRYPT_DECRYPT", "primary": {"state": "ENABLED"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "members": ["serviceAccount:app@payments-prod-4821.iam.gserviceaccount.com"]}]}}
}
