package kumo.gcp.network.no_default_network_test

import rego.v1

import data.kumo.gcp.network.no_default_network as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Network", "id": "//compute.googleapis.com/projects/payments-prod-4821/default", "name": "default", "tags": {}, "config": {"name": "default", "autoCreateSubnetworks": true}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Network", "id": "//compute.googleapis.com/projects/payments-prod-4821/prod-vpc", "name": "prod-vpc", "tags": {}, "config": {"name": "prod-vpc", "autoCreateSubnetworks": false}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
