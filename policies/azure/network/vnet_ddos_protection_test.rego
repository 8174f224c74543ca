package kumo.azure.network.vnet_ddos_protection_test

import rego.v1

import data.kumo.azure.network.vnet_ddos_protection as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {"enableDdosProtection": false}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworks", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworks/vnet-demo", "name": "vnet-demo", "type": "microsoft.network/virtualnetworks", "location": "westeurope", "tags": {}, "properties": {"enableDdosProtection": true, "ddosProtectionPlan": {"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/ddosProtectionPlans/ddos"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
