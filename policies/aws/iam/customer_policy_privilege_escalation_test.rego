package kumo.aws.iam.customer_policy_privilege_escalation_test

import rego.v1

import data.kumo.aws.iam.customer_policy_privilege_escalation as control

test_fails_passrole_star if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:ci", "name": "ci", "tags": {}, "config": {"attachmentCount": 1, "policyVersionList": [{"isDefaultVersion": true, "document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22iam%3APassRole%22%2C%22ecs%3A%2A%22%5D%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_passrole_scoped if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:ci", "name": "ci", "tags": {}, "config": {"attachmentCount": 1, "policyVersionList": [{"isDefaultVersion": true, "document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22iam%3APassRole%22%2C%22Resource%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fecs-task%22%7D%5D%7D"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
