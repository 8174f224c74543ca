package kumo.azure.storage.infrastructure_encryption_test

import rego.v1

import data.kumo.azure.storage.infrastructure_encryption as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.storage/storageaccounts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01", "name": "stdemo01", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01", "name": "stdemo01", "type": "microsoft.storage/storageaccounts", "location": "westeurope", "tags": {}, "properties": {"supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false, "allowSharedKeyAccess": false, "publicNetworkAccess": "Disabled", "allowCrossTenantReplication": false, "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": []}, "encryption": {"keySource": "Microsoft.Storage"}}, "kind": "StorageV2", "sku": {"name": "Standard_ZRS", "tier": "Standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.storage/storageaccounts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01", "name": "stdemo01", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01", "name": "stdemo01", "type": "microsoft.storage/storageaccounts", "location": "westeurope", "tags": {}, "properties": {"supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false, "allowSharedKeyAccess": false, "publicNetworkAccess": "Disabled", "allowCrossTenantReplication": false, "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": []}, "encryption": {"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": true}}, "kind": "StorageV2", "sku": {"name": "Standard_ZRS", "tier": "Standard"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
