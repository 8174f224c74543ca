package kumo.aws.bedrock.invocation_log_group_kms_test

import rego.v1

import data.kumo.aws.bedrock.invocation_log_group_kms as control

test_fails_unencrypted_group if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-east-1:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {"loggingConfig": {"cloudWatchConfig": {"logGroupName": "/aws/bedrock/model-invocations", "roleArn": "arn:aws:iam::111122223333:role/bedrock-invocation-logging"}, "s3Config": {"bucketName": "ml-bedrock-invocation-logs", "keyPrefix": "invocations/"}, "textDataDeliveryEnabled": true, "imageDataDeliveryEnabled": true, "embeddingDataDeliveryEnabled": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {"AWS::Logs::LogGroup": {"arn:aws:test:us-east-1:111122223333:/aws/bedrock/model-invocations": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Logs::LogGroup", "id": "arn:aws:test:us-east-1:111122223333:/aws/bedrock/model-invocations", "name": "/aws/bedrock/model-invocations", "tags": {}, "config": {"logGroupName": "/aws/bedrock/model-invocations", "retentionInDays": 365}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_kms_group if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-east-1:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {"loggingConfig": {"cloudWatchConfig": {"logGroupName": "/aws/bedrock/model-invocations", "roleArn": "arn:aws:iam::111122223333:role/bedrock-invocation-logging"}, "s3Config": {"bucketName": "ml-bedrock-invocation-logs", "keyPrefix": "invocations/"}, "textDataDeliveryEnabled": true, "imageDataDeliveryEnabled": true, "embeddingDataDeliveryEnabled": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
		with data.kumo.resources as {"AWS::Logs::LogGroup": {"arn:aws:test:us-east-1:111122223333:/aws/bedrock/model-invocations": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Logs::LogGroup", "id": "arn:aws:test:us-east-1:111122223333:/aws/bedrock/model-invocations", "name": "/aws/bedrock/model-invocations", "tags": {}, "config": {"LogGroupName": "/aws/bedrock/model-invocations", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/5d1b7e0c-3f2a-4c6e-9b8d-7a6f5e4d3c2b"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}
