package kumo.azure.ai.deployment_data_residency_test

import rego.v1

import data.kumo.azure.ai.deployment_data_residency as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.cognitiveservices/accounts/deployments", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "type": "microsoft.cognitiveservices/accounts/deployments", "location": "swedencentral", "tags": {}, "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}, "versionUpgradeOption": "NoAutoUpgrade", "raiPolicyName": "strict"}, "sku": {"name": "GlobalStandard", "capacity": 30}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.cognitiveservices/accounts/deployments", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "type": "microsoft.cognitiveservices/accounts/deployments", "location": "swedencentral", "tags": {}, "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}, "versionUpgradeOption": "NoAutoUpgrade", "raiPolicyName": "strict"}, "sku": {"name": "GlobalProvisionedManaged", "capacity": 30}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.cognitiveservices/accounts/deployments", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "type": "microsoft.cognitiveservices/accounts/deployments", "location": "swedencentral", "tags": {}, "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}, "versionUpgradeOption": "NoAutoUpgrade", "raiPolicyName": "strict"}, "sku": {"name": "Standard", "capacity": 30}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2", "region": "swedencentral", "type": "microsoft.cognitiveservices/accounts/deployments", "id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "tags": {}, "config": {"id": "/subscriptions/9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2/resourceGroups/rg-ml-ai/providers/Microsoft.CognitiveServices/accounts/oai-demo/deployments/gpt-4o", "name": "gpt-4o", "type": "microsoft.cognitiveservices/accounts/deployments", "location": "swedencentral", "tags": {}, "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}, "versionUpgradeOption": "NoAutoUpgrade", "raiPolicyName": "strict"}, "sku": {"name": "DataZoneStandard", "capacity": 30}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
