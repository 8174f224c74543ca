package kumo.aws.iam.password_reuse_prevention_test

import rego.v1

import data.kumo.aws.iam.password_reuse_prevention as control

test_fails_without_reuse_prevention if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 14}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_with_5 if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"PasswordReusePrevention": 5}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_24 if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 14, "PasswordReusePrevention": 24}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
