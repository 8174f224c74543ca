package kumo.gcp.sql.automated_backups_test

import rego.v1

import data.kumo.gcp.sql.automated_backups as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "sqladmin.googleapis.com/Instance", "id": "//cloudsql.googleapis.com/projects/payments-prod-4821/instances/db-1", "name": "db-1", "tags": {}, "config": {"name": "db-1", "databaseVersion": "POSTGRES_15", "instanceType": "CLOUD_SQL_INSTANCE", "backendType": "SECOND_GEN", "settings": {"tier": "db-custom-2-7680", "databaseFlags": [], "ipConfiguration": {"ipv4Enabled": false, "privateNetwork": "projects/payments-prod-4821/global/networks/prod-vpc", "sslMode": "ENCRYPTED_ONLY", "requireSsl": true}, "backupConfiguration": {"enabled": false}}, "ipAddresses": [{"type": "PRIVATE", "ipAddress": "10.20.0.3"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "sqladmin.googleapis.com/Instance", "id": "//cloudsql.googleapis.com/projects/payments-prod-4821/instances/db-1", "name": "db-1", "tags": {}, "config": {"name": "db-1", "databaseVersion": "POSTGRES_15", "instanceType": "CLOUD_SQL_INSTANCE", "backendType": "SECOND_GEN", "settings": {"tier": "db-custom-2-7680", "databaseFlags": [], "ipConfiguration": {"ipv4Enabled": false, "privateNetwork": "projects/payments-prod-4821/global/networks/prod-vpc", "sslMode": "ENCRYPTED_ONLY", "requireSsl": true}, "backupConfiguration": {"enabled": true, "startTime": "02:00"}}, "ipAddresses": [{"type": "PRIVATE", "ipAddress": "10.20.0.3"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "payments-prod-4821", "region": "europe-west1", "type": "sqladmin.googleapis.com/Instance", "id": "//cloudsql.googleapis.com/projects/payments-prod-4821/instances/db-1", "name": "db-1", "tags": {}, "config": {"name": "db-1", "databaseVersion": "POSTGRES_15", "instanceType": "READ_REPLICA_INSTANCE", "backendType": "SECOND_GEN", "settings": {"tier": "db-custom-2-7680", "databaseFlags": [], "ipConfiguration": {"ipv4Enabled": false, "privateNetwork": "projects/payments-prod-4821/global/networks/prod-vpc", "sslMode": "ENCRYPTED_ONLY", "requireSsl": true}, "backupConfiguration": {"enabled": false}}, "ipAddresses": [{"type": "PRIVATE", "ipAddress": "10.20.0.3"}]}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
