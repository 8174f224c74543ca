package kumo.azure.keyvault.key_expiration_test

import rego.v1

import data.kumo.azure.keyvault.key_expiration as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/keys", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "type": "microsoft.keyvault/vaults/keys", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": true}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/keys", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "type": "microsoft.keyvault/vaults/keys", "location": "westeurope", "tags": {}, "properties": {}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/keys", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "type": "microsoft.keyvault/vaults/keys", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": true, "exp": 1893456000}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults/keys", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/keys/cmk", "name": "cmk", "type": "microsoft.keyvault/vaults/keys", "location": "westeurope", "tags": {}, "properties": {"attributes": {"enabled": false}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
