package kumo.azure.defender.contact_notify_owners_test

import rego.v1

import data.kumo.azure.defender.contact_notify_owners as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/securitycontacts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "type": "microsoft.security/securitycontacts", "location": "global", "tags": {}, "properties": {"emails": "secops@example.com", "isEnabled": true, "notificationsByRole": {"state": "Off", "roles": ["Owner"]}, "notificationsSources": [{"sourceType": "Alert", "minimalSeverity": "Medium"}, {"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_fails_2 if {
	count(control.deny) > 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/securitycontacts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "type": "microsoft.security/securitycontacts", "location": "global", "tags": {}, "properties": {"emails": "secops@example.com", "isEnabled": true, "notificationsByRole": {"state": "On", "roles": ["AccountAdmin"]}, "notificationsSources": [{"sourceType": "Alert", "minimalSeverity": "Medium"}, {"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/securitycontacts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "type": "microsoft.security/securitycontacts", "location": "global", "tags": {}, "properties": {"emails": "secops@example.com", "isEnabled": true, "notificationsByRole": {"state": "On", "roles": ["Owner"]}, "notificationsSources": [{"sourceType": "Alert", "minimalSeverity": "Medium"}, {"sourceType": "AttackPath", "minimalRiskLevel": "Critical"}]}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}

test_passes_2 if {
	count(control.deny) == 0 with input as {"provider": "azure", "account": "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1", "region": "global", "type": "microsoft.security/securitycontacts", "id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "tags": {}, "config": {"id": "/subscriptions/6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1/providers/microsoft.security/securitycontacts/default", "name": "default", "type": "microsoft.security/securitycontacts", "location": "global", "tags": {}, "properties": {"alertsToAdmins": "On", "email": "a@b.c"}}, "supplementary": {}, "source": {"file": "resource-graph.json", "format": "azure-arg", "record": 1}}
}
