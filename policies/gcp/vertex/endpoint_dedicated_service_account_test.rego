package kumo.gcp.vertex.endpoint_dedicated_service_account_test

import rego.v1

import data.kumo.gcp.vertex.endpoint_dedicated_service_account as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "aiplatform.googleapis.com/Endpoint", "id": "//aiplatform.googleapis.com/projects/773100000002/locations/us-central1/endpoints/5555666677778888", "name": "5555666677778888", "tags": {}, "config": {"name": "projects/773100000002/locations/us-central1/endpoints/5555666677778888", "displayName": "chat-private", "deployedModels": [{"id": "1", "model": "projects/773100000002/locations/us-central1/models/2219", "serviceAccount": "773100000002-compute@developer.gserviceaccount.com"}], "privateServiceConnectConfig": {"enablePrivateServiceConnect": true, "projectAllowlist": ["ml-research-7731"]}, "predictRequestResponseLoggingConfig": {"enabled": true, "samplingRate": 0.1, "bigqueryDestination": {"outputUri": "bq://ml-research-7731.vertex_logs.chat"}}, "encryptionSpec": {"kmsKeyName": "projects/ml-research-7731/locations/us-central1/keyRings/ml/cryptoKeys/vertex"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "aiplatform.googleapis.com/Endpoint", "id": "//aiplatform.googleapis.com/projects/773100000002/locations/us-central1/endpoints/5555666677778888", "name": "5555666677778888", "tags": {}, "config": {"name": "projects/773100000002/locations/us-central1/endpoints/5555666677778888", "displayName": "chat-private", "deployedModels": [{"id": "6152437001", "model": "projects/773100000002/locations/us-central1/models/2219", "serviceAccount": "vertex-runner@ml-research-7731.iam.gserviceaccount.com", "enableAccessLogging": true}], "privateServiceConnectConfig": {"enablePrivateServiceConnect": true, "projectAllowlist": ["ml-research-7731"]}, "predictRequestResponseLoggingConfig": {"enabled": true, "samplingRate": 0.1, "bigqueryDestination": {"outputUri": "bq://ml-research-7731.vertex_logs.chat"}}, "encryptionSpec": {"kmsKeyName": "projects/ml-research-7731/locations/us-central1/keyRings/ml/cryptoKeys/vertex"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
