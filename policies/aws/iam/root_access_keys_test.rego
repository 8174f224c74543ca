package kumo.aws.iam.root_access_keys_test

import rego.v1

import data.kumo.aws.iam.root_access_keys as control

test_fails_with_active_root_key if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2023-01-20T08:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "true", "access_key_1_last_rotated": "2020-01-15T10:00:00+00:00", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}

test_fails_per_key if {
	count(control.deny) == 2 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2023-01-20T08:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "true", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "TRUE", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}

test_passes_without_root_keys if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2023-01-20T08:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}

test_passes_with_inactive_key if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::RootAccount", "id": "arn:aws:iam::111122223333:root", "name": "<root_account>", "tags": {}, "config": {"userName": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}, "supplementary": {"credentialReport": {"password_enabled": "not_supported", "password_last_used": "2023-01-20T08:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "2020-01-15T10:00:00+00:00", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "<root_account>", "arn": "arn:aws:iam::111122223333:root"}}}
}
