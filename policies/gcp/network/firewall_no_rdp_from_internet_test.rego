package kumo.gcp.network.firewall_no_rdp_from_internet_test

import rego.v1

import data.kumo.gcp.network.firewall_no_rdp_from_internet as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["0.0.0.0/0"], "allowed": [{"IPProtocol": "tcp", "ports": ["3389"]}], "disabled": false, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["0.0.0.0/0"], "allowed": [{"IPProtocol": "all"}], "disabled": false, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_fails_3 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["::/0"], "allowed": [{"IPProtocol": "tcp", "ports": ["3379-3399"]}], "disabled": false, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["35.235.240.0/20"], "allowed": [{"IPProtocol": "tcp", "ports": ["3389"]}], "disabled": false, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["130.211.0.0/22", "35.191.0.0/16"], "allowed": [{"IPProtocol": "tcp", "ports": ["443"]}], "disabled": false, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_3 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Firewall", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/firewalls/rule", "name": "rule", "tags": {}, "config": {"name": "rule", "network": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc", "direction": "INGRESS", "priority": 1000, "sourceRanges": ["0.0.0.0/0"], "allowed": [{"IPProtocol": "tcp", "ports": ["3389"]}], "disabled": true, "logConfig": {"enable": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
