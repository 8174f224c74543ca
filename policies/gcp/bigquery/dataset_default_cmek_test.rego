package kumo.gcp.bigquery.dataset_default_cmek_test

import rego.v1

import data.kumo.gcp.bigquery.dataset_default_cmek as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "eu", "type": "bigquery.googleapis.com/Dataset", "id": "//bigquery.googleapis.com/projects/payments-prod-4821/datasets/payments", "name": "payments", "tags": {}, "config": {"datasetReference": {"projectId": "payments-prod-4821", "datasetId": "payments"}, "location": "EU", "access": [{"role": "OWNER", "groupByEmail": "data-owners@example.com"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "eu", "type": "bigquery.googleapis.com/Dataset", "id": "//bigquery.googleapis.com/projects/payments-prod-4821/datasets/payments", "name": "payments", "tags": {}, "config": {"datasetReference": {"projectId": "payments-prod-4821", "datasetId": "payments"}, "location": "EU", "access": [{"role": "OWNER", "groupByEmail": "data-owners@example.com"}], "defaultEncryptionConfiguration": {"kmsKeyName": "projects/payments-prod-4821/locations/eu/keyRings/bq/cryptoKeys/payments"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
