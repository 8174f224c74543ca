package kumo.aws.bedrock.model_invocation_logging_enabled_test

import rego.v1

import data.kumo.aws.bedrock.model_invocation_logging_enabled as control

test_fails_when_disabled if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-west-2", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-west-2:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_without_destination if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-east-1:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {"loggingConfig": {"textDataDeliveryEnabled": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_fails_all_types_off if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-east-1:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {"loggingConfig": {"s3Config": {"bucketName": "b"}, "textDataDeliveryEnabled": false}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_when_enabled if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::ModelInvocationLoggingConfiguration", "id": "arn:aws:bedrock:us-east-1:111122223333:model-invocation-logging-configuration", "name": "model-invocation-logging", "tags": {}, "config": {"loggingConfig": {"cloudWatchConfig": {"logGroupName": "/aws/bedrock/model-invocations", "roleArn": "arn:aws:iam::111122223333:role/bedrock-invocation-logging"}, "s3Config": {"bucketName": "ml-bedrock-invocation-logs", "keyPrefix": "invocations/"}, "textDataDeliveryEnabled": true, "imageDataDeliveryEnabled": true, "embeddingDataDeliveryEnabled": true}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
