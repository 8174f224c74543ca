package kumo.aws.sagemaker.notebook_customer_managed_key_test

import rego.v1

import data.kumo.aws.sagemaker.notebook_customer_managed_key as control

test_fails_without_key if {
	count(control.deny) == 1 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::NotebookInstance", "id": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-training", "name": "nb-training", "tags": {}, "config": {"NotebookInstanceName": "nb-training", "NotebookInstanceArn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-training", "DirectInternetAccess": "Disabled", "RootAccess": "Disabled", "SubnetId": "subnet-0a1", "SecurityGroups": ["sg-0e4d"], "RoleArn": "arn:aws:iam::111122223333:role/sagemaker-nb"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}

test_passes_with_key if {
	count(control.deny) == 0 with input as {"provider": "aws", "account": "111122223333", "region": "us-east-1", "type": "AWS::SageMaker::NotebookInstance", "id": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-training", "name": "nb-training", "tags": {}, "config": {"NotebookInstanceName": "nb-training", "NotebookInstanceArn": "arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/nb-training", "DirectInternetAccess": "Disabled", "RootAccess": "Disabled", "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/5d1b7e0c", "SubnetId": "subnet-0a1", "SecurityGroups": ["sg-0e4d"], "RoleArn": "arn:aws:iam::111122223333:role/sagemaker-nb"}, "supplementary": {}, "source": {"file": "config-snapshot.json", "format": "aws-config-file", "record": 1}}
}
