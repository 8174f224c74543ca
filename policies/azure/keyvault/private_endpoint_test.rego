package kumo.azure.keyvault.private_endpoint_test

import rego.v1

import data.kumo.azure.keyvault.private_endpoint as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "type": "microsoft.keyvault/vaults", "location": "westeurope", "tags": {}, "properties": {"tenantId": "72f988bf-0000-4000-8000-00000000c0de", "sku": {"family": "A", "name": "standard"}, "enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true, "publicNetworkAccess": "Enabled", "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "type": "microsoft.keyvault/vaults", "location": "westeurope", "tags": {}, "properties": {"tenantId": "72f988bf-0000-4000-8000-00000000c0de", "sku": {"family": "A", "name": "standard"}, "enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true, "publicNetworkAccess": "Disabled", "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.keyvault/vaults", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo", "name": "kv-demo", "type": "microsoft.keyvault/vaults", "location": "westeurope", "tags": {}, "properties": {"tenantId": "72f988bf-0000-4000-8000-00000000c0de", "sku": {"family": "A", "name": "standard"}, "enableSoftDelete": true, "enablePurgeProtection": true, "enableRbacAuthorization": true, "publicNetworkAccess": "Enabled", "networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices"}, "privateEndpointConnections": [{"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.keyvault/vaults/kv-demo/privateEndpointConnections/pe1", "properties": {"privateLinkServiceConnectionState": {"status": "Approved"}}}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
