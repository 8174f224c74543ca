package kumo.azure.databricks.no_public_ip_test

import rego.v1

import data.kumo.azure.databricks.no_public_ip as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.databricks/workspaces", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.databricks/workspaces/dbw-demo", "name": "dbw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.databricks/workspaces/dbw-demo", "name": "dbw-demo", "type": "microsoft.databricks/workspaces", "location": "westeurope", "tags": {}, "properties": {"parameters": {"customVirtualNetworkId": {"value": "x"}, "enableNoPublicIp": {"value": false}}, "publicNetworkAccess": "Disabled", "requiredNsgRules": "NoAzureDatabricksRules", "privateEndpointConnections": [{"id": "pe", "properties": {"privateLinkServiceConnectionState": {"status": "Approved"}}}]}, "sku": {"name": "premium"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.databricks/workspaces", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.databricks/workspaces/dbw-demo", "name": "dbw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.databricks/workspaces/dbw-demo", "name": "dbw-demo", "type": "microsoft.databricks/workspaces", "location": "westeurope", "tags": {}, "properties": {"parameters": {"customVirtualNetworkId": {"type": "String", "value": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-dbw"}, "enableNoPublicIp": {"type": "Bool", "value": true}}, "publicNetworkAccess": "Disabled", "requiredNsgRules": "NoAzureDatabricksRules", "privateEndpointConnections": [{"id": "pe", "properties": {"privateLinkServiceConnectionState": {"status": "Approved"}}}]}, "sku": {"name": "premium"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
