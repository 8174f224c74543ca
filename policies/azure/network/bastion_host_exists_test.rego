package kumo.azure.network.bastion_host_exists_test

import rego.v1

import data.kumo.azure.network.bastion_host_exists as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.compute/virtualmachines": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.compute/virtualmachines", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo", "name": "vm-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo", "name": "vm-demo", "type": "microsoft.compute/virtualmachines", "location": "westeurope", "tags": {}, "properties": {"hardwareProfile": {"vmSize": "Standard_B2s"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.compute/virtualmachines": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.compute/virtualmachines", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo", "name": "vm-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.compute/virtualmachines/vm-demo", "name": "vm-demo", "type": "microsoft.compute/virtualmachines", "location": "westeurope", "tags": {}, "properties": {"hardwareProfile": {"vmSize": "Standard_B2s"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}, "microsoft.network/bastionhosts": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/bastionhosts/bas-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/bastionhosts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/bastionhosts/bas-demo", "name": "bas-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/bastionhosts/bas-demo", "name": "bas-demo", "type": "microsoft.network/bastionhosts", "location": "westeurope", "tags": {}, "properties": {"scaleUnits": 2}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {}
}
