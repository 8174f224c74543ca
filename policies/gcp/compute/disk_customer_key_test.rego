package kumo.gcp.compute.disk_customer_key_test

import rego.v1

import data.kumo.gcp.compute.disk_customer_key as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1-b", "type": "compute.googleapis.com/Disk", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-1", "name": "app-1", "tags": {}, "config": {"name": "app-1", "sizeGb": "50", "type": "projects/payments-prod-4821/zones/europe-west1-b/diskTypes/pd-balanced"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1-b", "type": "compute.googleapis.com/Disk", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-1", "name": "app-1", "tags": {}, "config": {"name": "app-1", "sizeGb": "50", "type": "projects/payments-prod-4821/zones/europe-west1-b/diskTypes/pd-balanced", "diskEncryptionKey": {"kmsKeyName": "projects/payments-prod-4821/locations/europe-west1/keyRings/payments/cryptoKeys/disks/cryptoKeyVersions/1"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1-b", "type": "compute.googleapis.com/Disk", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-1", "name": "app-1", "tags": {}, "config": {"name": "app-1", "sizeGb": "50", "type": "projects/payments-prod-4821/zones/europe-west1-b/diskTypes/pd-balanced", "diskEncryptionKey": {"sha256": "aGVsbG8="}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
