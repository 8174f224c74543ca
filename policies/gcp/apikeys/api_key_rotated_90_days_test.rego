package kumo.gcp.apikeys.api_key_rotated_90_days_test

import rego.v1

import data.kumo.gcp.apikeys.api_key_rotated_90_days as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "apikeys.googleapis.com/Key", "id": "//apikeys.googleapis.com/projects/payments-prod-4821/maps-web", "name": "maps-web", "tags": {}, "config": {"name": "projects/482100000001/locations/global/keys/maps-web", "uid": "1b2c", "displayName": "maps-web", "createTime": "2023-01-01T00:00:00Z"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "apikeys.googleapis.com/Key", "id": "//apikeys.googleapis.com/projects/payments-prod-4821/maps-web", "name": "maps-web", "tags": {}, "config": {"name": "projects/482100000001/locations/global/keys/maps-web", "uid": "1b2c", "displayName": "maps-web", "createTime": "2999-01-01T00:00:00Z"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
