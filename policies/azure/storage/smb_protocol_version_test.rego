package kumo.azure.storage.smb_protocol_version_test

import rego.v1

import data.kumo.azure.storage.smb_protocol_version as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.storage/storageaccounts/fileservices", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "type": "microsoft.storage/storageaccounts/fileservices", "location": "westeurope", "tags": {}, "properties": {"protocolSettings": {"smb": {"versions": "SMB2.1;SMB3.0;SMB3.1.1;"}}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.storage/storageaccounts/fileservices", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "type": "microsoft.storage/storageaccounts/fileservices", "location": "westeurope", "tags": {}, "properties": {}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.storage/storageaccounts/fileservices", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.storage/storageaccounts/stdemo01/fileServices/default", "name": "default", "type": "microsoft.storage/storageaccounts/fileservices", "location": "westeurope", "tags": {}, "properties": {"protocolSettings": {"smb": {"versions": "SMB3.1.1;"}}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
