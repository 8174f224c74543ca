package kumo.gcp.dataproc.cluster_cmek_test

import rego.v1

import data.kumo.gcp.dataproc.cluster_cmek as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "dataproc.googleapis.com/Cluster", "id": "//dataproc.googleapis.com/projects/payments-prod-4821/etl", "name": "etl", "tags": {}, "config": {"clusterName": "etl", "projectId": "payments-prod-4821", "config": {"gceClusterConfig": {"internalIpOnly": true}}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "dataproc.googleapis.com/Cluster", "id": "//dataproc.googleapis.com/projects/payments-prod-4821/etl", "name": "etl", "tags": {}, "config": {"clusterName": "etl", "projectId": "payments-prod-4821", "config": {"gceClusterConfig": {"internalIpOnly": true}, "encryptionConfig": {"gcePdKmsKeyName": "projects/payments-prod-4821/locations/europe-west1/keyRings/dp/cryptoKeys/etl"}}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
