package kumo.azure.monitor.activity_log_diagnostic_setting_test

import rego.v1

import data.kumo.azure.monitor.activity_log_diagnostic_setting as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.insights/diagnosticsettings": {"/subscriptions/11111111-2222-3333-4444-555555555555/providers/microsoft.insights/diagnosticSettings/activity-to-law": {"provider": "azure", "account": "11111111-2222-3333-4444-555555555555", "region": "global", "type": "microsoft.insights/diagnosticsettings", "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/microsoft.insights/diagnosticSettings/activity-to-law", "name": "activity-to-law", "tags": {}, "config": {"id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/microsoft.insights/diagnosticSettings/activity-to-law", "name": "activity-to-law", "type": "microsoft.insights/diagnosticsettings", "location": "global", "tags": {}, "properties": {"workspaceId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law", "logs": [{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": true}, {"category": "ServiceHealth", "enabled": true}, {"category": "Alert", "enabled": true}, {"category": "Recommendation", "enabled": true}, {"category": "Policy", "enabled": true}, {"category": "Autoscale", "enabled": true}, {"category": "ResourceHealth", "enabled": true}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {"microsoft.insights/diagnosticsettings": {"/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.insights/diagnosticSettings/activity-to-law": {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.insights/diagnosticsettings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.insights/diagnosticSettings/activity-to-law", "name": "activity-to-law", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.insights/diagnosticSettings/activity-to-law", "name": "activity-to-law", "type": "microsoft.insights/diagnosticsettings", "location": "global", "tags": {}, "properties": {"workspaceId": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law", "logs": [{"category": "Administrative", "enabled": true}, {"category": "Security", "enabled": true}, {"category": "ServiceHealth", "enabled": true}, {"category": "Alert", "enabled": true}, {"category": "Recommendation", "enabled": true}, {"category": "Policy", "enabled": true}, {"category": "Autoscale", "enabled": true}, {"category": "ResourceHealth", "enabled": true}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"}
		with data.kumo.resources as {}
}
