package kumo.azure.network.subnet_nsg_associated_test

import rego.v1

import data.kumo.azure.network.subnet_nsg_associated as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {"subnets": [{"name": "app", "properties": {"addressPrefix": "10.0.1.0/24"}}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {"subnets": [{"name": "app", "properties": {"addressPrefix": "10.0.1.0/24", "networkSecurityGroup": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/networksecuritygroups/nsg-app"}}}, {"name": "GatewaySubnet", "properties": {}}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
