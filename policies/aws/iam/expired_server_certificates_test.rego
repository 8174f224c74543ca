package kumo.aws.iam.expired_server_certificates_test

import rego.v1

import data.kumo.aws.iam.expired_server_certificates as control

test_fails_expired if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::ServerCertificate", "id": "arn:aws:test:global:111122223333:old-cert", "name": "old-cert", "tags": {}, "config": {"ServerCertificateName": "old-cert", "Expiration": "2018-07-10T23:59:59Z"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_expired_nested if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::ServerCertificate", "id": "arn:aws:test:global:111122223333:old-cert", "name": "old-cert", "tags": {}, "config": {"serverCertificateMetadata": {"expiration": "2019-01-01T00:00:00Z"}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_valid if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::ServerCertificate", "id": "arn:aws:test:global:111122223333:new-cert", "name": "new-cert", "tags": {}, "config": {"ServerCertificateName": "new-cert", "Expiration": "2099-01-01T00:00:00Z"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_without_expiration if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "global", "type": "AWS::IAM::ServerCertificate", "id": "arn:aws:test:global:111122223333:x", "name": "x", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
