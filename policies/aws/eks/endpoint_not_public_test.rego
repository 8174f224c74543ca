package kumo.aws.eks.endpoint_not_public_test

import rego.v1

import data.kumo.aws.eks.endpoint_not_public as control

test_fails_public_endpoint if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EKS::Cluster", "id": "arn:aws:test:us-east-1:111122223333:prod", "name": "prod", "tags": {}, "config": {"name": "prod", "resourcesVpcConfig": {"endpointPublicAccess": true, "endpointPrivateAccess": false}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_private_endpoint if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EKS::Cluster", "id": "arn:aws:test:us-east-1:111122223333:prod", "name": "prod", "tags": {}, "config": {"name": "prod", "resourcesVpcConfig": {"endpointPublicAccess": false, "endpointPrivateAccess": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_restricted_cidrs if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::EKS::Cluster", "id": "arn:aws:test:us-east-1:111122223333:prod", "name": "prod", "tags": {}, "config": {"ResourcesVpcConfig": {"EndpointPublicAccess": true, "PublicAccessCidrs": ["203.0.113.0/24"]}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
