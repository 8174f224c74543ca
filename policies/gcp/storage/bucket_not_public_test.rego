package kumo.gcp.storage.bucket_not_public_test

import rego.v1

import data.kumo.gcp.storage.bucket_not_public as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "storage.googleapis.com/Bucket", "id": "//storage.googleapis.com/payments-prod-backups", "name": "payments-prod-backups", "tags": {}, "config": {"kind": "storage#bucket", "name": "payments-prod-backups", "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "enforced"}, "versioning": {"enabled": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "storage.googleapis.com/Bucket", "id": "//storage.googleapis.com/payments-prod-backups", "name": "payments-prod-backups", "tags": {}, "config": {"kind": "storage#bucket", "name": "payments-prod-backups", "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "enforced"}, "versioning": {"enabled": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/storage.objectViewer", "members": ["allAuthenticatedUsers"]}]}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "storage.googleapis.com/Bucket", "id": "//storage.googleapis.com/payments-prod-backups", "name": "payments-prod-backups", "tags": {}, "config": {"kind": "storage#bucket", "name": "payments-prod-backups", "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "enforced"}, "versioning": {"enabled": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}, "iam_policy": {"version": 1, "bindings": [{"role": "roles/storage.objectAdmin", "members": ["serviceAccount:backup-writer@payments-prod-4821.iam.gserviceaccount.com"]}]}}
}
