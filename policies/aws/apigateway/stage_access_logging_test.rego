package kumo.aws.apigateway.stage_access_logging_test

import rego.v1

import data.kumo.aws.apigateway.stage_access_logging as control

test_fails_without_access_logs if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ApiGateway::Stage", "id": "arn:aws:test:us-east-1:111122223333:prod", "name": "prod", "tags": {}, "config": {"stageName": "prod", "restApiId": "abc"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_access_logs if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::ApiGateway::Stage", "id": "arn:aws:test:us-east-1:111122223333:prod", "name": "prod", "tags": {}, "config": {"stageName": "prod", "accessLogSettings": {"destinationArn": "arn:aws:logs:us-east-1:111122223333:log-group:api-access", "format": "$context.requestId"}}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
