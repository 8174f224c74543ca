package kumo.aws.ec2.sg_database_ports_not_public_test

import rego.v1

import data.kumo.aws.ec2.sg_database_ports_not_public as control

test_fails_postgres_world if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "db", "tags": {}, "config": {"description": "db", "groupName": "db", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "fromPort": 5432, "toPort": 5432}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_postgres_from_sg if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::SecurityGroup", "id": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123", "name": "payments-db", "tags": {}, "config": {"description": "payments-db", "groupName": "payments-db", "groupId": "sg-0123", "vpcId": "vpc-0a7c3e5d9b1f24680", "ipPermissions": [{"ipProtocol": "tcp", "ipv4Ranges": [], "ipRanges": [], "ipv6Ranges": [], "userIdGroupPairs": [{"groupId": "sg-0d3c4b5a6e7f8091a"}], "prefixListIds": [], "fromPort": 5432, "toPort": 5432}], "ipPermissionsEgress": [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "userIdGroupPairs": [], "prefixListIds": [], "ipRanges": ["0.0.0.0/0"]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
