package kumo.aws.s3.acl_not_public_test

import rego.v1

import data.kumo.aws.s3.acl_not_public as control

test_fails_allusers_read if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:s3:::payments-public-assets", "name": "payments-public-assets", "tags": {}, "config": {}, "supplementary": {"AccessControlList": {"grantList": [{"grantee": {"id": "abc"}, "permission": "FullControl"}, {"grantee": "AllUsers", "permission": "Read"}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_uri_grantee if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {"AccessControlList": {"grantList": [{"grantee": {"uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}, "permission": "Write"}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_owner_only if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::S3::Bucket", "id": "arn:aws:test:us-east-1:111122223333:b", "name": "b", "tags": {}, "config": {}, "supplementary": {"AccessControlList": {"grantList": [{"grantee": {"id": "abc"}, "permission": "FullControl"}]}}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
