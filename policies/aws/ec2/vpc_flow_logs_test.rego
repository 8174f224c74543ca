package kumo.aws.ec2.vpc_flow_logs_test

import rego.v1

import data.kumo.aws.ec2.vpc_flow_logs as control

test_fails_without_flow_log if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::VPC", "id": "arn:aws:test:us-east-1:111122223333:vpc-1", "name": "vpc-1", "tags": {}, "config": {"vpcId": "vpc-1", "cidrBlock": "10.0.0.0/16"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {}
}

test_passes_with_flow_log if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::VPC", "id": "arn:aws:test:us-east-1:111122223333:vpc-1", "name": "vpc-1", "tags": {}, "config": {"vpcId": "vpc-1"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {"AWS::EC2::FlowLog": {"arn:aws:test:us-east-1:111122223333:fl-1": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::FlowLog", "id": "arn:aws:test:us-east-1:111122223333:fl-1", "name": "fl-1", "tags": {}, "config": {"flowLogId": "fl-1", "resourceId": "vpc-1", "trafficType": "REJECT"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_with_cloudformation_shape if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::VPC", "id": "arn:aws:test:us-east-1:111122223333:vpc-1", "name": "vpc-1", "tags": {}, "config": {"VpcId": "vpc-1"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {"AWS::EC2::FlowLog": {"arn:aws:test:us-east-1:111122223333:fl-1": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::FlowLog", "id": "arn:aws:test:us-east-1:111122223333:fl-1", "name": "fl-1", "tags": {}, "config": {"ResourceId": "vpc-1", "TrafficType": "ALL"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}
