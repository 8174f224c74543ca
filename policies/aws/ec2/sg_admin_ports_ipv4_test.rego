package kumo.aws.ec2.sg_admin_ports_ipv4_test

import rego.v1

import data.kumo.aws.ec2.sg_admin_ports_ipv4 as control

test_fails_ssh_world if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "bastion-ssh", "tags": {}, "config": {"description": "bastion-ssh", "groupName": "bastion-ssh", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 22, "toPort": 22}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_all_traffic if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "wide", "tags": {}, "config": {"description": "wide", "groupName": "wide", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": []}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_range_including_rdp if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "range", "tags": {}, "config": {"description": "range", "groupName": "range", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 3000, "toPort": 4000}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_https_only if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "web-alb", "tags": {}, "config": {"description": "web-alb", "groupName": "web-alb", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [{"cidrIpv6": "::/0"}], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 443, "toPort": 443}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_ssh_from_corporate if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "ssh-corp", "tags": {}, "config": {"description": "ssh-corp", "groupName": "ssh-corp", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "203.0.113.0/24"}], "ipRanges": ["203.0.113.0/24"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 22, "toPort": 22}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
