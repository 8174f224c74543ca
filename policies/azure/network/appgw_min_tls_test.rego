package kumo.azure.network.appgw_min_tls_test

import rego.v1

import data.kumo.azure.network.appgw_min_tls as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "type": "microsoft.network/applicationgateways", "location": "westeurope", "tags": {}, "properties": {"sku": {"name": "WAF_v2", "tier": "WAF_v2"}, "enableHttp2": true, "sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "type": "microsoft.network/applicationgateways", "location": "westeurope", "tags": {}, "properties": {"sku": {"name": "WAF_v2", "tier": "WAF_v2"}, "enableHttp2": true, "sslPolicy": {"policyType": "Custom", "minProtocolVersion": "TLSv1_0"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "type": "microsoft.network/applicationgateways", "location": "westeurope", "tags": {}, "properties": {"sku": {"name": "WAF_v2", "tier": "WAF_v2"}, "enableHttp2": true, "sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgateways/agw-demo", "name": "agw-demo", "type": "microsoft.network/applicationgateways", "location": "westeurope", "tags": {}, "properties": {"sku": {"name": "WAF_v2", "tier": "WAF_v2"}, "enableHttp2": true, "sslPolicy": {"policyType": "CustomV2", "minProtocolVersion": "TLSv1_3"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
