package kumo.gcp.logging.cloud_asset_api_enabled_test

import rego.v1

import data.kumo.gcp.logging.cloud_asset_api_enabled as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"serviceusage.googleapis.com/Service": {"//serviceusage.googleapis.com/projects/482100000001/services/compute.googleapis.com": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "serviceusage.googleapis.com/Service", "id": "//serviceusage.googleapis.com/projects/482100000001/services/compute.googleapis.com", "name": "compute.googleapis.com", "tags": {}, "config": {"name": "projects/482100000001/services/compute.googleapis.com", "state": "ENABLED", "parent": "projects/482100000001"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}, "//serviceusage.googleapis.com/projects/482100000001/services/cloudasset.googleapis.com": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "serviceusage.googleapis.com/Service", "id": "//serviceusage.googleapis.com/projects/482100000001/services/cloudasset.googleapis.com", "name": "cloudasset.googleapis.com", "tags": {}, "config": {"name": "projects/482100000001/services/cloudasset.googleapis.com", "state": "DISABLED", "parent": "projects/482100000001"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {"serviceusage.googleapis.com/Service": {"//serviceusage.googleapis.com/projects/482100000001/services/compute.googleapis.com": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "serviceusage.googleapis.com/Service", "id": "//serviceusage.googleapis.com/projects/482100000001/services/compute.googleapis.com", "name": "compute.googleapis.com", "tags": {}, "config": {"name": "projects/482100000001/services/compute.googleapis.com", "state": "ENABLED", "parent": "projects/482100000001"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}, "//serviceusage.googleapis.com/projects/482100000001/services/cloudasset.googleapis.com": {"provider": "gcp", "account": "payments-prod-4821", "region": "global", "type": "serviceusage.googleapis.com/Service", "id": "//serviceusage.googleapis.com/projects/482100000001/services/cloudasset.googleapis.com", "name": "cloudasset.googleapis.com", "tags": {}, "config": {"name": "projects/482100000001/services/cloudasset.googleapis.com", "state": "ENABLED", "parent": "projects/482100000001"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821"}
		with data.kumo.resources as {}
}
