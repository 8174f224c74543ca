package kumo.aws.iam.support_role_test

import rego.v1

import data.kumo.aws.iam.support_role as control

test_fails_without_support_role if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::IAM::Role": {"arn:aws:iam::111122223333:role/app": {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/app", "name": "app", "tags": {}, "config": {"path": "/", "roleName": "app", "arn": "arn:aws:iam::111122223333:role/app", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [{"policyName": "ReadOnlyAccess", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_with_support_role if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::IAM::Role": {"arn:aws:iam::111122223333:role/app": {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/app", "name": "app", "tags": {}, "config": {"path": "/", "roleName": "app", "arn": "arn:aws:iam::111122223333:role/app", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}, "arn:aws:iam::111122223333:role/aws-support": {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/aws-support", "name": "aws-support", "tags": {}, "config": {"path": "/", "roleName": "aws-support", "arn": "arn:aws:iam::111122223333:role/aws-support", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [{"policyName": "AWSSupportAccess", "policyArn": "arn:aws:iam::aws:policy/AWSSupportAccess"}], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_not_judged_without_roles if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {}
}

test_ignores_other_accounts if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "999999999999"}
		with data.kumo.resources as {"AWS::IAM::Role": {"arn:aws:iam::111122223333:role/app": {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/app", "name": "app", "tags": {}, "config": {"path": "/", "roleName": "app", "arn": "arn:aws:iam::111122223333:role/app", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}
