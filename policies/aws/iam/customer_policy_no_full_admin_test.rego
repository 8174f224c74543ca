package kumo.aws.iam.customer_policy_no_full_admin_test

import rego.v1

import data.kumo.aws.iam.customer_policy_no_full_admin as control

test_fails_attached_admin_policy if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:everything", "name": "everything", "tags": {}, "config": {"policyName": "everything", "attachmentCount": 2, "policyVersionList": [{"document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D", "versionId": "v3", "isDefaultVersion": true}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_with_json_document if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:everything", "name": "everything", "tags": {}, "config": {"policyName": "everything", "policyVersionList": [{"document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}, "versionId": "v1", "isDefaultVersion": "true"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_when_unattached if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:everything", "name": "everything", "tags": {}, "config": {"attachmentCount": 0, "policyVersionList": [{"document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D", "isDefaultVersion": true}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_scoped_default_version if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Policy", "id": "arn:aws:test:global:111122223333:reports", "name": "reports", "tags": {}, "config": {"attachmentCount": 3, "policyVersionList": [{"document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D", "isDefaultVersion": false}, {"document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22s3%3AGetObject%22%5D%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Areports%2F%2A%22%7D%5D%7D", "isDefaultVersion": true}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
