#!/usr/bin/env python3
"""Generates realistic, varied CloudTrail records as JSON Lines.

Usage: bench/gen_cloudtrail.py [N] [OUT]   (default 1000000, bench/data/cloudtrail.jsonl)

The mix follows what real trails hold: mostly read-only Describe/List/Get
calls and S3 data events, some AssumeRole traffic, and a small share of the
writes that detection rules look for (CreateAccessKey, StopLogging,
PutBucketPolicy, AuthorizeSecurityGroupIngress, ConsoleLogin ...). Output
is deterministic for a given N (seeded). bench/data/ is git-ignored.
"""
import json
import os
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "data", "cloudtrail.jsonl")

rng = random.Random(20251102)
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"]
ACCOUNTS = ["111122223333", "444455556666", "777788889999"]
AGENTS = ["aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.ubuntu.22", "Boto3/1.34.0 md/Botocore#1.34.0",
          "console.amazonaws.com", "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5", "Terraform/1.6.6"]
# (eventSource, eventName, weight, readOnly)
EVENTS = [
    ("ec2.amazonaws.com", "DescribeInstances", 120, True),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", 40, True),
    ("s3.amazonaws.com", "GetObject", 160, True),
    ("s3.amazonaws.com", "PutObject", 80, False),
    ("s3.amazonaws.com", "ListBuckets", 20, True),
    ("s3.amazonaws.com", "GetBucketAcl", 20, True),
    ("sts.amazonaws.com", "AssumeRole", 90, True),
    ("sts.amazonaws.com", "GetCallerIdentity", 40, True),
    ("iam.amazonaws.com", "ListUsers", 20, True),
    ("iam.amazonaws.com", "GetRole", 25, True),
    ("kms.amazonaws.com", "Decrypt", 60, True),
    ("kms.amazonaws.com", "GenerateDataKey", 30, True),
    ("lambda.amazonaws.com", "Invoke", 30, False),
    ("logs.amazonaws.com", "CreateLogStream", 30, False),
    ("dynamodb.amazonaws.com", "DescribeTable", 20, True),
    ("ec2.amazonaws.com", "RunInstances", 6, False),
    ("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", 4, False),
    ("iam.amazonaws.com", "CreateAccessKey", 3, False),
    ("iam.amazonaws.com", "CreateUser", 2, False),
    ("iam.amazonaws.com", "AttachUserPolicy", 2, False),
    ("iam.amazonaws.com", "PutRolePolicy", 2, False),
    ("iam.amazonaws.com", "UpdateAssumeRolePolicy", 1, False),
    ("s3.amazonaws.com", "PutBucketPolicy", 2, False),
    ("s3.amazonaws.com", "PutBucketPublicAccessBlock", 1, False),
    ("s3.amazonaws.com", "DeleteBucketPublicAccessBlock", 1, False),
    ("cloudtrail.amazonaws.com", "StopLogging", 1, False),
    ("cloudtrail.amazonaws.com", "DeleteTrail", 1, False),
    ("guardduty.amazonaws.com", "DeleteDetector", 1, False),
    ("kms.amazonaws.com", "ScheduleKeyDeletion", 1, False),
    ("signin.amazonaws.com", "ConsoleLogin", 8, False),
    ("bedrock.amazonaws.com", "DeleteGuardrail", 1, False),
    ("rds.amazonaws.com", "ModifyDBSnapshotAttribute", 1, False),
]
WEIGHTS = [e[2] for e in EVENTS]


def ident(acct):
    r = rng.random()
    if r < 0.55:
        role = rng.choice(["Admin", "Dev", "ci-deployer", "ReadOnly", "lambda-exec"])
        sess = rng.choice(["alice", "bob", "i-0a1b2c3d4e5f", "gha-run-%d" % rng.randint(1, 9999)])
        return {"type": "AssumedRole", "principalId": "AROAEXAMPLE%06d:%s" % (rng.randint(0, 999999), sess),
                "arn": "arn:aws:sts::%s:assumed-role/%s/%s" % (acct, role, sess), "accountId": acct,
                "accessKeyId": "ASIA%016d" % rng.randint(0, 10**15),
                "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLE",
                                                     "arn": "arn:aws:iam::%s:role/%s" % (acct, role),
                                                     "accountId": acct, "userName": role},
                                   "attributes": {"creationDate": "2025-01-02T03:00:00Z",
                                                  "mfaAuthenticated": rng.choice(["true", "false"])}}}
    if r < 0.85:
        user = rng.choice(["alice", "bob", "carol", "svc-backup", "terraform"])
        return {"type": "IAMUser", "principalId": "AIDAEXAMPLE%06d" % rng.randint(0, 999999),
                "arn": "arn:aws:iam::%s:user/%s" % (acct, user), "accountId": acct,
                "accessKeyId": "AKIA%016d" % rng.randint(0, 10**15), "userName": user}
    if r < 0.98:
        return {"type": "AWSService", "invokedBy": rng.choice(["ec2.amazonaws.com", "lambda.amazonaws.com",
                                                               "cloudformation.amazonaws.com"])}
    return {"type": "Root", "principalId": acct, "arn": "arn:aws:iam::%s:root" % acct, "accountId": acct}


def params(src, name, acct, region):
    if src == "s3.amazonaws.com":
        p = {"bucketName": "bucket-%d" % rng.randint(1, 300), "Host": "s3.%s.amazonaws.com" % region}
        if name in ("GetObject", "PutObject"):
            p["key"] = "data/%d/part-%05d.parquet" % (rng.randint(2020, 2025), rng.randint(0, 99999))
        if name == "PutBucketPolicy":
            p["bucketPolicy"] = {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": rng.choice(["*", {"AWS": "arn:aws:iam::%s:root" % acct}]),
                 "Action": "s3:GetObject", "Resource": "arn:aws:s3:::%s/*" % p["bucketName"]}]}
        if name == "PutBucketPublicAccessBlock":
            v = rng.random() < 0.5
            p["PublicAccessBlockConfiguration"] = {"BlockPublicAcls": v, "IgnorePublicAcls": v,
                                                   "BlockPublicPolicy": v, "RestrictPublicBuckets": v}
        return p
    if name == "RunInstances":
        return {"instancesSet": {"items": [{"imageId": "ami-%08x" % rng.getrandbits(32), "minCount": 1, "maxCount": 1}]},
                "instanceType": rng.choice(["t3.micro", "m5.large", "p4d.24xlarge"]),
                "tagSpecificationSet": {"items": [{"resourceType": "instance", "tags": [{"key": "Name", "value": "web-%d" % rng.randint(1, 50)}]}]}}
    if name == "AuthorizeSecurityGroupIngress":
        return {"groupId": "sg-%08x" % rng.getrandbits(32), "ipPermissions": {"items": [
            {"ipProtocol": "tcp", "fromPort": rng.choice([22, 443, 3389]), "toPort": 22,
             "ipRanges": {"items": [{"cidrIp": rng.choice(["0.0.0.0/0", "10.0.0.0/8"])}]}}]}}
    if name in ("CreateAccessKey", "CreateUser", "AttachUserPolicy"):
        p = {"userName": rng.choice(["alice", "bob", "ci-bot", "mallory"])}
        if name == "AttachUserPolicy":
            p["policyArn"] = rng.choice(["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"])
        return p
    if name in ("StopLogging", "DeleteTrail"):
        return {"name": "arn:aws:cloudtrail:%s:%s:trail/org-trail" % (region, acct)}
    if name == "AssumeRole":
        return {"roleArn": "arn:aws:iam::%s:role/Admin" % acct, "roleSessionName": "s%d" % rng.randint(1, 999),
                "durationSeconds": 3600}
    if name in ("DescribeInstances", "DescribeSecurityGroups", "ListUsers", "ListBuckets", "GetCallerIdentity"):
        return None
    if name in ("Decrypt", "GenerateDataKey", "ScheduleKeyDeletion"):
        return {"keyId": "arn:aws:kms:%s:%s:key/%08x" % (region, acct, rng.getrandbits(32)),
                "encryptionAlgorithm": "SYMMETRIC_DEFAULT"}
    return {"name": "resource-%d" % rng.randint(1, 1000)}


def record(i):
    src, name, _, ro = rng.choices(EVENTS, weights=WEIGHTS)[0]
    acct = rng.choice(ACCOUNTS)
    region = rng.choice(REGIONS) if src not in ("iam.amazonaws.com", "signin.amazonaws.com") else "us-east-1"
    ui = ident(acct)
    sec = i % 86400
    rec = {
        "eventVersion": "1.09", "userIdentity": ui,
        "eventTime": "2025-01-%02dT%02d:%02d:%02dZ" % (1 + (i // 86400) % 28, sec // 3600, (sec // 60) % 60, sec % 60),
        "eventSource": src, "eventName": name, "awsRegion": region,
        "sourceIPAddress": ui.get("invokedBy") or "%d.%d.%d.%d" % (rng.choice([198, 203, 10, 52]), rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
        "userAgent": rng.choice(AGENTS),
        "requestParameters": params(src, name, acct, region),
        "responseElements": None,
        "requestID": "%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)),
        "eventID": "%08x-%04x-4%03x-9%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48)),
        "readOnly": ro, "eventType": "AwsApiCall", "managementEvent": src != "s3.amazonaws.com" or name not in ("GetObject", "PutObject"),
        "recipientAccountId": acct, "eventCategory": "Management",
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                       "clientProvidedHostHeader": src.replace(".amazonaws.com", "") + "." + region + ".amazonaws.com"},
    }
    if name == "ConsoleLogin":
        rec["eventType"] = "AwsConsoleSignIn"
        rec["responseElements"] = {"ConsoleLogin": rng.choice(["Success", "Success", "Failure"])}
        rec["additionalEventData"] = {"LoginTo": "https://console.aws.amazon.com/", "MobileVersion": "No",
                                      "MFAUsed": rng.choice(["Yes", "No"])}
    if name in ("GetObject", "PutObject"):
        rec["eventCategory"] = "Data"
        rec["additionalEventData"] = {"bytesTransferredIn": rng.randint(0, 10**6) if name == "PutObject" else 0,
                                      "bytesTransferredOut": rng.randint(0, 10**7) if name == "GetObject" else 0}
        rec["resources"] = [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::%s/%s" % (rec["requestParameters"]["bucketName"], rec["requestParameters"]["key"])}]
    if name == "RunInstances":
        rec["responseElements"] = {"reservationId": "r-%08x" % rng.getrandbits(32), "instancesSet": {"items": [
            {"instanceId": "i-%08x" % rng.getrandbits(32), "imageId": rec["requestParameters"]["instancesSet"]["items"][0]["imageId"]}]}}
    if rng.random() < 0.03:
        rec["errorCode"] = rng.choice(["AccessDenied", "Client.UnauthorizedOperation", "ThrottlingException"])
        rec["errorMessage"] = "User is not authorized to perform this operation"
    return rec


def main():
    os.makedirs(os.path.dirname(os.path.abspath(OUT)), exist_ok=True)
    with open(OUT, "w") as f:
        for i in range(N):
            f.write(json.dumps(record(i), separators=(",", ":")))
            f.write("\n")
    print("wrote %d records to %s (%.1f MB)" % (N, OUT, os.path.getsize(OUT) / 1e6))


if __name__ == "__main__":
    main()
