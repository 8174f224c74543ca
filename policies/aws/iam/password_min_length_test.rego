package kumo.aws.iam.password_min_length_test

import rego.v1

import data.kumo.aws.iam.password_min_length as control

test_fails_with_length_8 if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 8, "RequireSymbols": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_when_length_missing if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"RequireSymbols": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_length_14 if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 14}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_string_number if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": "16"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
