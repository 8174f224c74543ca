package kumo.aws.ec2.sg_cifs_not_public_test

import rego.v1

import data.kumo.aws.ec2.sg_cifs_not_public as control

test_fails_smb_world if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "files", "tags": {}, "config": {"description": "files", "groupName": "files", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 445, "toPort": 445}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_all_traffic_v6 if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "wide", "tags": {}, "config": {"description": "wide", "groupName": "wide", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "-1", "ipv4Ranges": [], "ipRanges": [], "ipv6Ranges": [{"cidrIpv6": "::/0"}], "userIdGroupPairs": [], "prefixListIds": []}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_smb_internal if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "files", "tags": {}, "config": {"description": "files", "groupName": "files", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "10.0.0.0/8"}], "ipRanges": ["10.0.0.0/8"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 445, "toPort": 445}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
