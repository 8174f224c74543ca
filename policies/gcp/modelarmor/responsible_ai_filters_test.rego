package kumo.gcp.modelarmor.responsible_ai_filters_test

import rego.v1

import data.kumo.gcp.modelarmor.responsible_ai_filters as control

test_fails_1 if {
	count(control.deny) > 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "modelarmor.googleapis.com/Template", "id": "//modelarmor.googleapis.com/projects/ml-research-7731/locations/us-central1/templates/prod-strict", "name": "prod-strict", "tags": {}, "config": {"name": "projects/ml-research-7731/locations/us-central1/templates/prod-strict", "filterConfig": {"sdpSettings": {"basicConfig": {"filterEnforcement": "ENABLED"}}, "piAndJailbreakFilterSettings": {"filterEnforcement": "ENABLED", "confidenceLevel": "MEDIUM_AND_ABOVE"}, "maliciousUriFilterSettings": {"filterEnforcement": "ENABLED"}}, "templateMetadata": {"enforcementType": "INSPECT_AND_BLOCK", "logTemplateOperations": true, "logSanitizeOperations": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}

test_passes_1 if {
	count(control.deny) == 0 with input as {"provider": "gcp", "account": "ml-research-7731", "region": "us-central1", "type": "modelarmor.googleapis.com/Template", "id": "//modelarmor.googleapis.com/projects/ml-research-7731/locations/us-central1/templates/prod-strict", "name": "prod-strict", "tags": {}, "config": {"name": "projects/ml-research-7731/locations/us-central1/templates/prod-strict", "filterConfig": {"raiSettings": {"raiFilters": [{"filterType": "HATE_SPEECH", "confidenceLevel": "MEDIUM_AND_ABOVE"}, {"filterType": "DANGEROUS", "confidenceLevel": "MEDIUM_AND_ABOVE"}, {"filterType": "HARASSMENT", "confidenceLevel": "MEDIUM_AND_ABOVE"}, {"filterType": "SEXUALLY_EXPLICIT", "confidenceLevel": "MEDIUM_AND_ABOVE"}]}, "sdpSettings": {"basicConfig": {"filterEnforcement": "ENABLED"}}, "piAndJailbreakFilterSettings": {"filterEnforcement": "ENABLED", "confidenceLevel": "MEDIUM_AND_ABOVE"}, "maliciousUriFilterSettings": {"filterEnforcement": "ENABLED"}}, "templateMetadata": {"enforcementType": "INSPECT_AND_BLOCK", "logTemplateOperations": true, "logSanitizeOperations": true}}, "supplementary": {}, "ancestors": ["projects/482100000001", "organizations/123456789012"], "source": {"file": "cai-resources.jsonl", "format": "gcp-cai-export", "record": 1}}
}
