package kumo.aws.iam.no_admin_policy_on_group_test

import rego.v1

import data.kumo.aws.iam.no_admin_policy_on_group as control

test_fails_with_administratoraccess if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Group", "id": "arn:aws:test:global:111122223333:admins", "name": "admins", "tags": {}, "config": {"groupName": "admins", "attachedManagedPolicies": [{"policyName": "AdministratorAccess", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}], "groupPolicyList": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_read_only if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Group", "id": "arn:aws:test:global:111122223333:auditors", "name": "auditors", "tags": {}, "config": {"groupName": "auditors", "attachedManagedPolicies": [{"policyName": "SecurityAudit", "policyArn": "arn:aws:iam::aws:policy/SecurityAudit"}], "groupPolicyList": [{"policyName": "read", "policyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%5B%22s3%3AGetObject%22%5D%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Areports%2F%2A%22%7D%5D%7D"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
