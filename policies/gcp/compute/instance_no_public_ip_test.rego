package kumo.gcp.compute.instance_no_public_ip_test

import rego.v1

import data.kumo.gcp.compute.instance_no_public_ip as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1-b", "type": "compute.googleapis.com/Instance", "id": "//compute.googleapis.com/projects/payments-prod-4821/zones/europe-west1-b/instances/app-1", "name": "app-1", "tags": {}, "config": {"name": "app-1", "machineType": "zones/europe-west1-b/machineTypes/e2-standard-4", "status": "RUNNING", "canIpForward": false, "serviceAccounts": [{"email": "app@payments-prod-4821.iam.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}], "metadata": {"items": [{"key": "block-project-ssh-keys", "value": "true"}, {"key": "enable-oslogin", "value": "TRUE"}]}, "networkInterfaces": [{"network": "prod-vpc", "networkIP": "10.10.0.5", "accessConfigs": [{"name": "External NAT", "type": "ONE_TO_ONE_NAT", "natIP": "34.1.2.3"}]}], "shieldedInstanceConfig": {"enableSecureBoot": true, "enableVtpm": true, "enableIntegrityMonitoring": true}, "confidentialInstanceConfig": {"enableConfidentialCompute": false}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1-b", "type": "compute.googleapis.com/Instance", "id": "//compute.googleapis.com/projects/payments-prod-4821/zones/europe-west1-b/instances/app-1", "name": "app-1", "tags": {}, "config": {"name": "app-1", "machineType": "zones/europe-west1-b/machineTypes/e2-standard-4", "status": "RUNNING", "canIpForward": false, "serviceAccounts": [{"email": "app@payments-prod-4821.iam.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}], "metadata": {"items": [{"key": "block-project-ssh-keys", "value": "true"}, {"key": "enable-oslogin", "value": "TRUE"}]}, "networkInterfaces": [{"network": "projects/payments-prod-4821/global/networks/prod-vpc", "networkIP": "10.10.0.5"}], "shieldedInstanceConfig": {"enableSecureBoot": true, "enableVtpm": true, "enableIntegrityMonitoring": true}, "confidentialInstanceConfig": {"enableConfidentialCompute": false}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
