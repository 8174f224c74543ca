package kumo.azure.defender.endpoint_protection_integration_test

import rego.v1

import data.kumo.azure.defender.endpoint_protection_integration as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/settings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "type": "microsoft.security/settings", "location": "global", "tags": {}, "properties": {"enabled": false}, "kind": "DataExportSettings"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/settings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "type": "microsoft.security/settings", "location": "global", "tags": {}, "properties": {"enabled": "False"}, "kind": "DataExportSettings"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/settings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/WDATP", "name": "WDATP", "type": "microsoft.security/settings", "location": "global", "tags": {}, "properties": {"enabled": true}, "kind": "DataExportSettings"}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/settings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/MCAS", "name": "MCAS", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/settings/MCAS", "name": "MCAS", "type": "microsoft.security/settings", "location": "global", "tags": {}, "properties": {"enabled": false}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
