package kumo.aws.iam.root_not_used_recently_test

import rego.v1

import data.kumo.aws.iam.root_not_used_recently as control

test_fails_recent_root_login if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2099-01-01T00:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}

test_passes_not_used_recently if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2023-01-20T08:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}

test_passes_never_used if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "no_information", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}
