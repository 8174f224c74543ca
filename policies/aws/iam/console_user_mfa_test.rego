package kumo.aws.iam.console_user_mfa_test

import rego.v1

import data.kumo.aws.iam.console_user_mfa as control

test_fails_password_without_mfa if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/bob", "name": "bob", "tags": {}, "config": {"path": "/", "userName": "bob", "arn": "arn:aws:iam::111122223333:user/bob", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "true", "password_last_used": "2025-05-29T09:00:00+00:00", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "bob", "arn": "arn:aws:iam::111122223333:user/bob", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_mfa if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/bob", "name": "bob", "tags": {}, "config": {"path": "/", "userName": "bob", "arn": "arn:aws:iam::111122223333:user/bob", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "true", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "bob", "arn": "arn:aws:iam::111122223333:user/bob", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_without_password if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/svc", "name": "svc", "tags": {}, "config": {"path": "/", "userName": "svc", "arn": "arn:aws:iam::111122223333:user/svc", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "svc", "arn": "arn:aws:iam::111122223333:user/svc", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_without_report if {
	count(control.deny) == 0 with input as {"type": "AWS::IAM::User", "name": "x", "config": {}, "supplementary": {}}
}
