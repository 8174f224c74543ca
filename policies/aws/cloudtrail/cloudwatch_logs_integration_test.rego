package kumo.aws.cloudtrail.cloudwatch_logs_integration_test

import rego.v1

import data.kumo.aws.cloudtrail.cloudwatch_logs_integration as control

test_fails_without_log_group if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/ml-trail", "name": "ml-trail", "tags": {}, "config": {"name": "ml-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/ml-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": null, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_log_group if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "name": "org-audit-trail", "tags": {}, "config": {"name": "org-audit-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-org-audit-trail:*", "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
