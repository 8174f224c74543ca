package kumo.gcp.storage.public_access_prevention_test

import rego.v1

import data.kumo.gcp.storage.public_access_prevention as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "storage.googleapis.com/Bucket", "id": "//storage.googleapis.com/payments-prod-backups", "name": "payments-prod-backups", "tags": {}, "config": {"kind": "storage#bucket", "name": "payments-prod-backups", "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "inherited"}, "versioning": {"enabled": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "storage.googleapis.com/Bucket", "id": "//storage.googleapis.com/payments-prod-backups", "name": "payments-prod-backups", "tags": {}, "config": {"kind": "storage#bucket", "name": "payments-prod-backups", "iamConfiguration": {"uniformBucketLevelAccess": {"enabled": true}, "publicAccessPrevention": "enforced"}, "versioning": {"enabled": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
