package kumo.azure.network.vpn_p2s_entra_only_test

import rego.v1

import data.kumo.azure.network.vpn_p2s_entra_only as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworkgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "type": "microsoft.network/virtualnetworkgateways", "location": "westeurope", "tags": {}, "properties": {"gatewayType": "Vpn", "vpnClientConfiguration": {"vpnAuthenticationTypes": ["Certificate"]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworkgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "type": "microsoft.network/virtualnetworkgateways", "location": "westeurope", "tags": {}, "properties": {"gatewayType": "Vpn", "vpnClientConfiguration": {"vpnAuthenticationTypes": ["AAD", "Radius"]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_3 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworkgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "type": "microsoft.network/virtualnetworkgateways", "location": "westeurope", "tags": {}, "properties": {"gatewayType": "Vpn", "vpnClientConfiguration": {}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworkgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-demo", "name": "vgw-demo", "type": "microsoft.network/virtualnetworkgateways", "location": "westeurope", "tags": {}, "properties": {"gatewayType": "Vpn", "vpnClientConfiguration": {"vpnAuthenticationTypes": ["AAD"], "aadTenant": "https://login.microsoftonline.com/tenant/"}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/virtualnetworkgateways", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-s2s", "name": "vgw-s2s", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/virtualnetworkgateways/vgw-s2s", "name": "vgw-s2s", "type": "microsoft.network/virtualnetworkgateways", "location": "westeurope", "tags": {}, "properties": {"gatewayType": "Vpn"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
