package kumo.gcp.network.subnet_flow_logs_test

import rego.v1

import data.kumo.gcp.network.subnet_flow_logs as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "compute.googleapis.com/Subnetwork", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-subnet", "name": "app-subnet", "tags": {}, "config": {"name": "app-subnet", "ipCidrRange": "10.10.0.0/20", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "purpose": "PRIVATE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "compute.googleapis.com/Subnetwork", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-subnet", "name": "app-subnet", "tags": {}, "config": {"name": "app-subnet", "ipCidrRange": "10.10.0.0/20", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "purpose": "PRIVATE", "enableFlowLogs": true, "logConfig": {"enable": true, "aggregationInterval": "INTERVAL_5_SEC", "flowSampling": 0.5, "metadata": "EXCLUDE_ALL_METADATA"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "compute.googleapis.com/Subnetwork", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-subnet", "name": "app-subnet", "tags": {}, "config": {"name": "app-subnet", "ipCidrRange": "10.10.0.0/20", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "purpose": "PRIVATE", "enableFlowLogs": true, "logConfig": {"enable": true, "aggregationInterval": "INTERVAL_5_SEC", "flowSampling": 1, "metadata": "INCLUDE_ALL_METADATA"}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "compute.googleapis.com/Subnetwork", "id": "//compute.googleapis.com/projects/payments-prod-4821/app-subnet", "name": "app-subnet", "tags": {}, "config": {"name": "app-subnet", "ipCidrRange": "10.10.0.0/20", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "purpose": "REGIONAL_MANAGED_PROXY"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
