package kumo.aws.ec2.nacl_admin_ports_test

import rego.v1

import data.kumo.aws.ec2.nacl_admin_ports as control

test_fails_allow_all_inbound if {
	count(control.deny) == 2 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::NetworkAcl", "id": "arn:aws:test:us-east-1:111122223333:acl-1", "name": "acl-1", "tags": {}, "config": {"networkAclId": "acl-1", "entries": [{"ruleNumber": 100, "protocol": "-1", "ruleAction": "allow", "egress": false, "cidrBlock": "0.0.0.0/0"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_ssh_range if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::NetworkAcl", "id": "arn:aws:test:us-east-1:111122223333:acl-1", "name": "acl-1", "tags": {}, "config": {"entries": [{"ruleNumber": 100, "protocol": "6", "ruleAction": "allow", "egress": false, "cidrBlock": "0.0.0.0/0", "portRange": {"from": 22, "to": 22}}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_https_and_egress if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EC2::NetworkAcl", "id": "arn:aws:test:us-east-1:111122223333:acl-1", "name": "acl-1", "tags": {}, "config": {"entries": [{"ruleNumber": 100, "protocol": "6", "ruleAction": "allow", "egress": false, "cidrBlock": "0.0.0.0/0", "portRange": {"from": 443, "to": 443}}, {"ruleNumber": 100, "protocol": "-1", "ruleAction": "allow", "egress": true, "cidrBlock": "0.0.0.0/0"}, {"ruleNumber": 32767, "protocol": "-1", "ruleAction": "deny", "egress": false, "cidrBlock": "0.0.0.0/0"}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
