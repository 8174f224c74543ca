package kumo.azure.network.waf_bot_protection_test

import rego.v1

import data.kumo.azure.network.waf_bot_protection as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgatewaywebapplicationfirewallpolicies", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgatewaywebapplicationfirewallpolicies/waf-demo", "name": "waf-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgatewaywebapplicationfirewallpolicies/waf-demo", "name": "waf-demo", "type": "microsoft.network/applicationgatewaywebapplicationfirewallpolicies", "location": "westeurope", "tags": {}, "properties": {"policySettings": {"state": "Enabled", "mode": "Prevention", "requestBodyCheck": true}, "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "westeurope", "type": "microsoft.network/applicationgatewaywebapplicationfirewallpolicies", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgatewaywebapplicationfirewallpolicies/waf-demo", "name": "waf-demo", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/resourceGroups/rg-demo/providers/microsoft.network/applicationgatewaywebapplicationfirewallpolicies/waf-demo", "name": "waf-demo", "type": "microsoft.network/applicationgatewaywebapplicationfirewallpolicies", "location": "westeurope", "tags": {}, "properties": {"policySettings": {"state": "Enabled", "mode": "Prevention", "requestBodyCheck": true}, "managedRules": {"managedRuleSets": [{"ruleSetType": "OWASP", "ruleSetVersion": "3.2"}, {"ruleSetType": "Microsoft_BotManagerRuleSet", "ruleSetVersion": "1.0"}]}}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
