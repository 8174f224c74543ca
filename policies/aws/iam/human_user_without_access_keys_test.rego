package kumo.aws.iam.human_user_without_access_keys_test

import rego.v1

import data.kumo.aws.iam.human_user_without_access_keys as control

test_fails_password_and_key if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/dave", "name": "dave", "tags": {}, "config": {"path": "/", "userName": "dave", "arn": "arn:aws:iam::111122223333:user/dave", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "true", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "true", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "dave", "arn": "arn:aws:iam::111122223333:user/dave", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_password_only if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/dave", "name": "dave", "tags": {}, "config": {"path": "/", "userName": "dave", "arn": "arn:aws:iam::111122223333:user/dave", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "true", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "true", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "dave", "arn": "arn:aws:iam::111122223333:user/dave", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
