package kumo.gcp.dns.network_dns_logging_test

import rego.v1

import data.kumo.gcp.dns.network_dns_logging as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Network", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/networks/prod-vpc", "name": "prod-vpc", "tags": {}, "config": {"name": "prod-vpc", "autoCreateSubnetworks": false, "selfLink": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
		with data.kumo.resources as {"dns.googleapis.com/Policy": {"//dns.googleapis.com/projects/payments-prod-4821/dns-logging": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/Policy", "id": "//dns.googleapis.com/projects/payments-prod-4821/dns-logging", "name": "dns-logging", "tags": {}, "config": {"name": "dns-logging", "enableLogging": false, "networks": [{"networkUrl": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "compute.googleapis.com/Network", "id": "//compute.googleapis.com/projects/payments-prod-4821/global/networks/prod-vpc", "name": "prod-vpc", "tags": {}, "config": {"name": "prod-vpc", "autoCreateSubnetworks": false, "selfLink": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
		with data.kumo.resources as {"dns.googleapis.com/Policy": {"//dns.googleapis.com/projects/payments-prod-4821/dns-logging": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/Policy", "id": "//dns.googleapis.com/projects/payments-prod-4821/dns-logging", "name": "dns-logging", "tags": {}, "config": {"name": "dns-logging", "enableLogging": true, "networks": [{"networkUrl": "https://www.googleapis.com/compute/v1/projects/payments-prod-4821/global/networks/prod-vpc"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}
