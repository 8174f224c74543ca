package kumo.azure.monitor.alert_service_health_test

import rego.v1

import data.kumo.azure.monitor.alert_service_health as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.insights/activitylogalerts": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.insights/activitylogalerts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert", "name": "alert", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert", "name": "alert", "type": "microsoft.insights/activitylogalerts", "location": "global", "tags": {}, "properties": {"scopes": ["/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"], "condition": {"allOf": [{"field": "category", "equals": "Administrative"}, {"field": "operationName", "equals": "Microsoft.Network/networkSecurityGroups/write"}]}, "enabled": true, "actions": {"actionGroups": [{"actionGroupId": "/subscriptions/x/resourceGroups/rg/providers/microsoft.insights/actionGroups/secops"}]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.insights/activitylogalerts": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.insights/activitylogalerts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert", "name": "alert", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.insights/activitylogalerts/alert", "name": "alert", "type": "microsoft.insights/activitylogalerts", "location": "global", "tags": {}, "properties": {"scopes": ["/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"], "condition": {"allOf": [{"field": "category", "equals": "ServiceHealth"}]}, "enabled": true, "actions": {"actionGroups": [{"actionGroupId": "/subscriptions/x/resourceGroups/rg/providers/microsoft.insights/actionGroups/secops"}]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {}
}
