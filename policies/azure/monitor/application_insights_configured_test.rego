package kumo.azure.monitor.application_insights_configured_test

import rego.v1

import data.kumo.azure.monitor.application_insights_configured as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.web/sites": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.web/sites", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo", "name": "app-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo", "name": "app-demo", "type": "microsoft.web/sites", "location": "westeurope", "tags": {}, "properties": {"httpsOnly": true}, "kind": "app"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.web/sites": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.web/sites", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo", "name": "app-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.web/sites/app-demo", "name": "app-demo", "type": "microsoft.web/sites", "location": "westeurope", "tags": {}, "properties": {"httpsOnly": true}, "kind": "app"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}, "microsoft.insights/components": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/components/appi-demo": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.insights/components", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/components/appi-demo", "name": "appi-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/components/appi-demo", "name": "appi-demo", "type": "microsoft.insights/components", "location": "westeurope", "tags": {}, "properties": {"WorkspaceResourceId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"}, "kind": "web"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {}
}
