package kumo.azure.keyvault.secret_expiration_test

import rego.v1

import data.kumo.azure.keyvault.secret_expiration as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/secrets", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "type": "microsoft.keyvault/vaults/secrets", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": true}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/secrets", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "type": "microsoft.keyvault/vaults/secrets", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": true, "exp": 1893456000}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/secrets", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/secrets/db-password", "name": "db-password", "type": "microsoft.keyvault/vaults/secrets", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": "false"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
