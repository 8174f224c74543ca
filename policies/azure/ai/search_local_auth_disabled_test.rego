package kumo.azure.ai.search_local_auth_disabled_test

import rego.v1

import data.kumo.azure.ai.search_local_auth_disabled as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.search/searchservices", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "type": "microsoft.search/searchservices", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": "Disabled", "disableLocalAuth": false, "networkRuleSet": {"ipRules": []}}, "sku": {"name": "standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.search/searchservices", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "type": "microsoft.search/searchservices", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": "Disabled", "disableLocalAuth": null, "networkRuleSet": {"ipRules": []}}, "sku": {"name": "standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.search/searchservices", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-demo/providers/microsoft.search/searchservices/srch-demo", "name": "srch-demo", "type": "microsoft.search/searchservices", "location": "swedencentral", "tags": {}, "properties": {"publicNetworkAccess": "Disabled", "disableLocalAuth": true, "networkRuleSet": {"ipRules": []}}, "sku": {"name": "standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
