package kumo.gcp.notebooks.boot_disk_cmek_test

import rego.v1

import data.kumo.gcp.notebooks.boot_disk_cmek as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1-a", "type": "notebooks.googleapis.com/Instance", "id": "//notebooks.googleapis.com/projects/ml-research-7731/locations/us-central1-a/instances/nb-training", "name": "nb-training", "tags": {}, "config": {"name": "projects/ml-research-7731/locations/us-central1-a/instances/nb-training", "gceSetup": {"machineType": "e2-standard-4", "serviceAccounts": [{"email": "vertex-runner@ml-research-7731.iam.gserviceaccount.com"}], "networkInterfaces": [{"network": "projects/ml-research-7731/global/networks/ml-vpc", "subnet": "projects/ml-research-7731/regions/us-central1/subnetworks/ml-subnet"}], "disablePublicIp": true, "shieldedInstanceConfig": {"enableSecureBoot": true, "enableVtpm": true, "enableIntegrityMonitoring": true}, "metadata": {"notebook-disable-root": "true"}, "bootDisk": {"diskEncryption": "GMEK"}}, "state": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1-a", "type": "notebooks.googleapis.com/Instance", "id": "//notebooks.googleapis.com/projects/ml-research-7731/locations/us-central1-a/instances/nb-training", "name": "nb-training", "tags": {}, "config": {"name": "projects/ml-research-7731/locations/us-central1-a/instances/nb-training", "gceSetup": {"machineType": "e2-standard-4", "serviceAccounts": [{"email": "vertex-runner@ml-research-7731.iam.gserviceaccount.com"}], "networkInterfaces": [{"network": "projects/ml-research-7731/global/networks/ml-vpc", "subnet": "projects/ml-research-7731/regions/us-central1/subnetworks/ml-subnet"}], "disablePublicIp": true, "shieldedInstanceConfig": {"enableSecureBoot": true, "enableVtpm": true, "enableIntegrityMonitoring": true}, "metadata": {"notebook-disable-root": "true"}, "bootDisk": {"diskSizeGb": "150", "diskType": "PD_BALANCED", "diskEncryption": "CMEK", "kmsKey": "projects/ml-research-7731/locations/us-central1/keyRings/ml/cryptoKeys/notebooks"}}, "state": "ACTIVE"}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
