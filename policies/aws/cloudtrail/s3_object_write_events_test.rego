package kumo.aws.cloudtrail.s3_object_write_events_test

import rego.v1

import data.kumo.aws.cloudtrail.s3_object_write_events as control

test_fails_management_only if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::CloudTrail::Trail": {"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "name": "org-audit-trail", "tags": {}, "config": {"name": "org-audit-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-org-audit-trail:*", "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false, "eventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": []}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_fails_wrong_direction if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::CloudTrail::Trail": {"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "name": "org-audit-trail", "tags": {}, "config": {"name": "org-audit-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-org-audit-trail:*", "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false, "eventSelectors": [{"ReadWriteType": "ReadOnly", "IncludeManagementEvents": true, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_basic_selector if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::CloudTrail::Trail": {"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "name": "org-audit-trail", "tags": {}, "config": {"name": "org-audit-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-org-audit-trail:*", "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false, "eventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}]}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_passes_advanced_selector if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::CloudTrail::Trail": {"arn:aws:test:us-east-1:111122223333:t": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:test:us-east-1:111122223333:t", "name": "t", "tags": {}, "config": {"name": "t"}, "supplementary": {"advancedEventSelectors": [{"Name": "S3", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::S3::Object"]}]}]}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}

test_not_judged_without_selectors if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333"}
		with data.kumo.resources as {"AWS::CloudTrail::Trail": {"arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail": {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::CloudTrail::Trail", "id": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "name": "org-audit-trail", "tags": {}, "config": {"name": "org-audit-trail", "s3BucketName": "cloudtrail-111122223333", "includeGlobalServiceEvents": true, "isMultiRegionTrail": true, "homeRegion": "us-east-1", "trailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail", "logFileValidationEnabled": true, "cloudWatchLogsLogGroupArn": "arn:aws:logs:us-east-1:111122223333:log-group:aws-cloudtrail-org-audit-trail:*", "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/0f3e", "isOrganizationTrail": false}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}}}
}
