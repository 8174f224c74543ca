#!/usr/bin/env python3
"""Generates JSON inputs for kumo's JSON benchmarks and streaming checks.

Writes AWS-Config-like configuration items in one of the layouts the
RecordReader accepts. Nothing generated here is committed.

  bench/gen_json.py --layout lines --mb 5000 /tmp/big.jsonl     # 5 GB JSON Lines
  bench/gen_json.py --layout envelope --mb 100 --gzip /tmp/snap.json.gz
"""
import argparse
import gzip
import json
import random


def config_item(i, rnd):
    bucket = f"bucket-{i:08d}"
    return {
        "version": "1.3",
        "accountId": "123456789012",
        "configurationItemCaptureTime": "2024-05-01T12:00:00.000Z",
        "configurationItemStatus": "OK",
        "configurationStateId": str(1714564800000 + i),
        "arn": f"arn:aws:s3:::{bucket}",
        "resourceType": "AWS::S3::Bucket",
        "resourceId": bucket,
        "resourceName": bucket,
        "awsRegion": rnd.choice(["us-east-1", "eu-west-1", "ap-northeast-1"]),
        "tags": {"team": rnd.choice(["core", "data", "web"]), "env": "prod"},
        "relatedEvents": [],
        "relationships": [],
        "configuration": {
            "name": bucket,
            "owner": {"displayName": None, "id": "a" * 64},
            "creationDate": "2023-01-01T00:00:00.000Z",
        },
        "supplementaryConfiguration": {
            "PublicAccessBlockConfiguration": {
                "blockPublicAcls": True,
                "ignorePublicAcls": True,
                "blockPublicPolicy": rnd.random() < 0.9,
                "restrictPublicBuckets": True,
            },
            "BucketPolicy": {"policyText": json.dumps({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                               "Resource": f"arn:aws:s3:::{bucket}/*"}]})},
            "ServerSideEncryptionConfiguration": {"rules": [{"applyServerSideEncryptionByDefault": {
                "sseAlgorithm": "aws:kms", "kmsMasterKeyID": None}, "bucketKeyEnabled": True}]},
        },
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--layout", choices=["lines", "array", "envelope"], default="lines")
    ap.add_argument("--mb", type=float, default=100, help="approximate output size in MB")
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    limit = int(args.mb * 1e6)
    opener = gzip.open if args.gzip else open
    written = 0
    i = 0
    with opener(args.out, "wt", encoding="utf-8") as f:
        if args.layout == "envelope":
            f.write('{"fileVersion":"1.0","configSnapshotId":"x","configurationItems":[\n')
        elif args.layout == "array":
            f.write("[\n")
        while written < limit:
            line = json.dumps(config_item(i, rnd), separators=(",", ":"))
            if args.layout != "lines" and i > 0:
                f.write(",\n")
            f.write(line)
            if args.layout == "lines":
                f.write("\n")
            written += len(line) + 2
            i += 1
        if args.layout == "envelope":
            f.write("\n]}\n")
        elif args.layout == "array":
            f.write("\n]\n")
    print(f"wrote {i} items (~{written / 1e6:.0f} MB) to {args.out}")


if __name__ == "__main__":
    main()
