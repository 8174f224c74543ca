package kumo.aws.ec2.instance_profile_attached_test

import rego.v1

import data.kumo.aws.ec2.instance_profile_attached as control

test_fails_without_profile if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::Instance", "id": "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "name": "i-0abc", "tags": {}, "config": {"instanceId": "i-0abc", "instanceType": "t3.micro", "state": {"name": "running"}, "metadataOptions": {"httpTokens": "required", "httpEndpoint": "enabled", "state": "applied"}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_profile if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::Instance", "id": "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "name": "i-0abc", "tags": {}, "config": {"instanceId": "i-0abc", "instanceType": "t3.micro", "state": {"name": "running"}, "metadataOptions": {"httpTokens": "required", "httpEndpoint": "enabled", "state": "applied"}, "iamInstanceProfile": {"arn": "arn:aws:iam::111122223333:instance-profile/app", "id": "AIPA123"}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_ignores_terminated if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::Instance", "id": "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", "name": "i-0abc", "tags": {}, "config": {"instanceId": "i-0abc", "instanceType": "t3.micro", "state": {"name": "terminated"}, "metadataOptions": {"httpTokens": "required", "httpEndpoint": "enabled", "state": "applied"}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
