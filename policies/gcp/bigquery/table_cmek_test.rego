package kumo.gcp.bigquery.table_cmek_test

import rego.v1

import data.kumo.gcp.bigquery.table_cmek as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "eu", "type": "bigquery.googleapis.com/Table", "id": "//bigquery.googleapis.com/projects/payments-prod-4821/datasets/payments/tables/transactions", "name": "transactions", "tags": {}, "config": {"tableReference": {"projectId": "payments-prod-4821", "datasetId": "payments", "tableId": "transactions"}, "type": "TABLE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "eu", "type": "bigquery.googleapis.com/Table", "id": "//bigquery.googleapis.com/projects/payments-prod-4821/datasets/payments/tables/transactions", "name": "transactions", "tags": {}, "config": {"tableReference": {"projectId": "payments-prod-4821", "datasetId": "payments", "tableId": "transactions"}, "type": "TABLE", "encryptionConfiguration": {"kmsKeyName": "projects/payments-prod-4821/locations/eu/keyRings/bq/cryptoKeys/payments"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
