package kumo.aws.ec2.sg_admin_ports_ipv6_test

import rego.v1

import data.kumo.aws.ec2.sg_admin_ports_ipv6 as control

test_fails_rdp_world_v6 if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "windows-rdp", "tags": {}, "config": {"description": "windows-rdp", "groupName": "windows-rdp", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [{"cidrIpv6": "::/0"}], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 3389, "toPort": 3389}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_https_v6 if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "web-alb", "tags": {}, "config": {"description": "web-alb", "groupName": "web-alb", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [{"cidrIpv6": "::/0"}], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 443, "toPort": 443}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_rdp_v6_restricted if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "rdp", "tags": {}, "config": {"description": "rdp", "groupName": "rdp", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [], "ipRanges": [], "ipv6Ranges": [{"cidrIpv6": "2001:db8::/32"}], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 3389, "toPort": 3389}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
