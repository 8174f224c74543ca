package kumo.azure.ai.ml_workspace_public_access_test

import rego.v1

import data.kumo.azure.ai.ml_workspace_public_access as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.machinelearningservices/workspaces", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "type": "microsoft.machinelearningservices/workspaces", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": "Enabled", "managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "kind": "Hub"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.machinelearningservices/workspaces", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "type": "microsoft.machinelearningservices/workspaces", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": null, "managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "kind": "Hub"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.machinelearningservices/workspaces", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.machinelearningservices/workspaces/hub-demo", "name": "hub-demo", "type": "microsoft.machinelearningservices/workspaces", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": "Disabled", "managedNetwork": {"isolationMode": "AllowOnlyApprovedOutbound"}}, "kind": "Hub"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
