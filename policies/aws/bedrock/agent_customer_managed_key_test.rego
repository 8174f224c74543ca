package kumo.aws.bedrock.agent_customer_managed_key_test

import rego.v1

import data.kumo.aws.bedrock.agent_customer_managed_key as control

test_fails_without_cmk if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::Agent", "id": "arn:aws:bedrock:us-east-1:111122223333:agent/AGsupport-", "name": "support-agent", "tags": {}, "config": {"agentId": "AGsupport-", "agentName": "support-agent", "agentArn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGsupport-", "agentResourceRoleArn": "arn:aws:iam::111122223333:role/bedrock-agent-support-agent", "foundationModel": "anthropic.claude-3-5-sonnet", "guardrailConfiguration": {"guardrailIdentifier": "gr7k2m9p4q1x", "guardrailVersion": "1"}, "agentStatus": "PREPARED"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_cmk if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::Bedrock::Agent", "id": "arn:aws:bedrock:us-east-1:111122223333:agent/AGsupport-", "name": "support-agent", "tags": {}, "config": {"agentId": "AGsupport-", "agentName": "support-agent", "agentArn": "arn:aws:bedrock:us-east-1:111122223333:agent/AGsupport-", "agentResourceRoleArn": "arn:aws:iam::111122223333:role/bedrock-agent-support-agent", "foundationModel": "anthropic.claude-3-5-sonnet", "guardrailConfiguration": {"guardrailIdentifier": "gr7k2m9p4q1x", "guardrailVersion": "1"}, "customerEncryptionKeyArn": "arn:aws:kms:us-east-1:111122223333:key/5d1b7e0c-3f2a-4c6e-9b8d-7a6f5e4d3c2b", "agentStatus": "PREPARED"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
