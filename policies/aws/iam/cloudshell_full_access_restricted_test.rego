package kumo.aws.iam.cloudshell_full_access_restricted_test

import rego.v1

import data.kumo.aws.iam.cloudshell_full_access_restricted as control

test_fails_user_with_cloudshell if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/ops", "name": "ops", "tags": {}, "config": {"path": "/", "userName": "ops", "arn": "arn:aws:iam::111122223333:user/ops", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [{"policyName": "AWSCloudShellFullAccess", "policyArn": "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "ops", "arn": "arn:aws:iam::111122223333:user/ops", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_without_cloudshell if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::User", "id": "arn:aws:iam::111122223333:user/ops", "name": "ops", "tags": {}, "config": {"path": "/", "userName": "ops", "arn": "arn:aws:iam::111122223333:user/ops", "userPolicyList": [], "groupList": ["developers"], "attachedManagedPolicies": [], "permissionsBoundary": null, "tags": []}, "supplementary": {"credentialReport": {"password_enabled": "false", "password_last_used": "N/A", "password_last_changed": "N/A", "mfa_active": "false", "access_key_1_active": "false", "access_key_1_last_rotated": "N/A", "access_key_1_last_used_date": "N/A", "access_key_2_active": "false", "access_key_2_last_rotated": "N/A", "access_key_2_last_used_date": "N/A", "cert_1_active": "false", "cert_2_active": "false", "user": "ops", "arn": "arn:aws:iam::111122223333:user/ops", "user_creation_time": "2023-02-14T12:00:00+00:00"}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
