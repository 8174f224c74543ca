package kumo.aws.iam.role_trust_not_public_test

import rego.v1

import data.kumo.aws.iam.role_trust_not_public as control

test_fails_public_trust if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/open", "name": "open", "tags": {}, "config": {"path": "/", "roleName": "open", "arn": "arn:aws:iam::111122223333:role/open", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22%2A%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_star_principal if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/open", "name": "open", "tags": {}, "config": {"path": "/", "roleName": "open", "arn": "arn:aws:iam::111122223333:role/open", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%22%2A%22%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_org_condition if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/org", "name": "org", "tags": {}, "config": {"path": "/", "roleName": "org", "arn": "arn:aws:iam::111122223333:role/org", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22%2A%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22aws%3APrincipalOrgID%22%3A%22o-abc123%22%7D%7D%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_service_trust if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/app", "name": "app", "tags": {}, "config": {"path": "/", "roleName": "app", "arn": "arn:aws:iam::111122223333:role/app", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
