package kumo.gcp.compute.lb_backend_logging_test

import rego.v1

import data.kumo.gcp.compute.lb_backend_logging as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/BackendService", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/backendServices/web-backend", "name": "web-backend", "tags": {}, "config": {"name": "web-backend", "loadBalancingScheme": "EXTERNAL_MANAGED", "protocol": "HTTPS"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/BackendService", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/backendServices/web-backend", "name": "web-backend", "tags": {}, "config": {"name": "web-backend", "loadBalancingScheme": "EXTERNAL_MANAGED", "protocol": "HTTPS", "logConfig": {"enable": true, "sampleRate": 1}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/BackendService", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/backendServices/web-backend", "name": "web-backend", "tags": {}, "config": {"name": "web-backend", "loadBalancingScheme": "INTERNAL_MANAGED", "protocol": "HTTPS"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
