package kumo.aws.ec2.default_sg_restricts_all_test

import rego.v1

import data.kumo.aws.ec2.default_sg_restricts_all as control

test_fails_default_with_rules if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "default", "tags": {}, "config": {"description": "default", "groupName": "default", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "-1", "ipv4Ranges": [], "ipRanges": [], "ipv6Ranges": [], "userIdGroupPairs": [{"groupId": "sg-0123"}], "prefixListIds": []}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_default_with_egress_only if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "default", "tags": {}, "config": {"description": "default", "groupName": "default", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_empty_default if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "default", "tags": {}, "config": {"description": "default", "groupName": "default", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [], "ipPermissionsEgress": []}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_ignores_other_groups if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "web-alb", "tags": {}, "config": {"description": "web-alb", "groupName": "web-alb", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 443, "toPort": 443}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
