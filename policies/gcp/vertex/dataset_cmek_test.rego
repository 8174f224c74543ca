package kumo.gcp.vertex.dataset_cmek_test

import rego.v1

import data.kumo.gcp.vertex.dataset_cmek as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "aiplatform.googleapis.com/Dataset", "id": "//aiplatform.googleapis.com/projects/ml-research-7731/123", "name": "123", "tags": {}, "config": {"name": "projects/773100000002/locations/us-central1/datasets/123", "displayName": "support-chats", "metadataSchemaUri": "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "aiplatform.googleapis.com/Dataset", "id": "//aiplatform.googleapis.com/projects/ml-research-7731/123", "name": "123", "tags": {}, "config": {"name": "projects/773100000002/locations/us-central1/datasets/123", "displayName": "support-chats", "metadataSchemaUri": "gs://google-cloud-aiplatform/schema/dataset/metadata/text_1.0.0.yaml", "encryptionSpec": {"kmsKeyName": "projects/ml-research-7731/locations/us-central1/keyRings/ml/cryptoKeys/vertex"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
