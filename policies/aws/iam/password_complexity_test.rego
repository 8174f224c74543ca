package kumo.aws.iam.password_complexity_test

import rego.v1

import data.kumo.aws.iam.password_complexity as control

test_fails_without_symbols if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 8, "RequireSymbols": false, "RequireNumbers": true, "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": true}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_all_classes if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::PasswordPolicy", "id": "arn:aws:test:global:111122223333:password-policy", "name": "password-policy", "tags": {}, "config": {"MinimumPasswordLength": 14, "RequireSymbols": true, "RequireNumbers": true, "RequireUppercaseCharacters": true, "RequireLowercaseCharacters": "true"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
