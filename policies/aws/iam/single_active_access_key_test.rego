package kumo.aws.iam.single_active_access_key_test

import rego.v1

import data.kumo.aws.iam.single_active_access_key as control

test_fails_two_active_keys if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/github-actions-deploy", "name": "github-actions-deploy", "tags": {}, "config": {"path": "/", "userName": "github-actions-deploy", "arn": "arn:aws:iam::111122223333:user/github-actions-deploy", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "true", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "true", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "github-actions-deploy", "arn": "arn:aws:iam::111122223333:user/github-actions-deploy", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_one_key if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/batch", "name": "batch", "tags": {}, "config": {"path": "/", "userName": "batch", "arn": "arn:aws:iam::111122223333:user/batch", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "true", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "batch", "arn": "arn:aws:iam::111122223333:user/batch", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
