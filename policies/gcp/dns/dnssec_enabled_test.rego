package kumo.gcp.dns.dnssec_enabled_test

import rego.v1

import data.kumo.gcp.dns.dnssec_enabled as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/ManagedZone", "id": "//dns.googleapis.com/projects/payments-prod-4821/example-com", "name": "example-com", "tags": {}, "config": {"name": "example-com", "dnsName": "example.com.", "visibility": "public"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/ManagedZone", "id": "//dns.googleapis.com/projects/payments-prod-4821/example-com", "name": "example-com", "tags": {}, "config": {"name": "example-com", "dnsName": "example.com.", "visibility": "public", "dnssecConfig": {"state": "off", "defaultKeySpecs": [{"keyType": "keySigning", "algorithm": "rsasha256", "keyLength": 2048}, {"keyType": "zoneSigning", "algorithm": "rsasha256", "keyLength": 1024}]}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/ManagedZone", "id": "//dns.googleapis.com/projects/payments-prod-4821/example-com", "name": "example-com", "tags": {}, "config": {"name": "example-com", "dnsName": "example.com.", "visibility": "public", "dnssecConfig": {"state": "on", "defaultKeySpecs": [{"keyType": "keySigning", "algorithm": "rsasha256", "keyLength": 2048}, {"keyType": "zoneSigning", "algorithm": "rsasha256", "keyLength": 1024}]}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "dns.googleapis.com/ManagedZone", "id": "//dns.googleapis.com/projects/payments-prod-4821/example-com", "name": "example-com", "tags": {}, "config": {"name": "example-com", "dnsName": "example.com.", "visibility": "private"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
