package kumo.aws.sagemaker.domain_vpc_only_test

import rego.v1

import data.kumo.aws.sagemaker.domain_vpc_only as control

test_fails_public_internet if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::Domain", "id": "arn:aws:test:us-east-1:111122223333:ml-studio", "name": "ml-studio", "tags": {}, "config": {"DomainName": "ml-studio", "AppNetworkAccessType": "PublicInternetOnly"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_vpc_only if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::Domain", "id": "arn:aws:test:us-east-1:111122223333:ml-studio", "name": "ml-studio", "tags": {}, "config": {"DomainName": "ml-studio", "AppNetworkAccessType": "VpcOnly"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
