package kumo.aws.iam.github_oidc_trust_requires_aud_test

import rego.v1

import data.kumo.aws.iam.github_oidc_trust_requires_aud as control

test_fails_without_aud if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/gh", "name": "gh", "tags": {}, "config": {"path": "/", "roleName": "gh", "arn": "arn:aws:iam::111122223333:role/gh", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aoidc-provider%2Ftoken.actions.githubusercontent.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B%22StringLike%22%3A%7B%22token.actions.githubusercontent.com%3Asub%22%3A%22repo%3Aexample-org%2Fpayments%3Aref%3Arefs%2Fheads%2Fmain%22%7D%7D%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_aud if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::Role", "id": "arn:aws:iam::111122223333:role/github-actions-payments-release", "name": "github-actions-payments-release", "tags": {}, "config": {"path": "/", "roleName": "github-actions-payments-release", "arn": "arn:aws:iam::111122223333:role/github-actions-payments-release", "assumeRolePolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A111122223333%3Aoidc-provider%2Ftoken.actions.githubusercontent.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22token.actions.githubusercontent.com%3Aaud%22%3A%22sts.amazonaws.com%22%7D%2C%22StringLike%22%3A%7B%22token.actions.githubusercontent.com%3Asub%22%3A%22repo%3Aexample-org%2Fpayments%3Aref%3Arefs%2Fheads%2Fmain%22%7D%7D%7D%5D%7D", "instanceProfileList": [], "attachedManagedPolicies": [], "rolePolicyList": [], "tags": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
