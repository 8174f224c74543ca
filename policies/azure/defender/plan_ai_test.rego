package kumo.azure.defender.plan_ai_test

import rego.v1

import data.kumo.azure.defender.plan_ai as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/pricings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "type": "microsoft.security/pricings", "location": "global", "tags": {}, "properties": {"pricingTier": "Free"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/pricings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "type": "microsoft.security/pricings", "location": "global", "tags": {}, "properties": {"pricingTier": "free"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/pricings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/AI", "name": "AI", "type": "microsoft.security/pricings", "location": "global", "tags": {}, "properties": {"pricingTier": "Standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/pricings", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/SomeOtherPlan", "name": "SomeOtherPlan", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/pricings/SomeOtherPlan", "name": "SomeOtherPlan", "type": "microsoft.security/pricings", "location": "global", "tags": {}, "properties": {"pricingTier": "Free"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
