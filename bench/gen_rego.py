#!/usr/bin/env python3
"""Generates inputs for bench/rego_bench.cc (never committed).

  python3 bench/gen_rego.py [OUT_DIR]      # default bench/data/rego

Writes:
  controls/control_NNN.rego  300 posture-control modules (METADATA, 10-20
                             expressions each) for the parse+compile bench
  control.rego               the typical control evaluated in bench (b)
  resources.jsonl            100,000 distinct S3-bucket-like resources
"""
import json
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data", "rego")
os.makedirs(os.path.join(out, "controls"), exist_ok=True)
rnd = random.Random(42)

TYPICAL = '''# METADATA
# title: S3 buckets must not grant public access through ACLs
# custom:
#   id: AWS-S3-{n:03d}
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["2.1.4"]
#   remediation: docs/kaizen/aws-s3-{n:03d}.md
package kumo.bench.c{n:03d}

import rego.v1

public_groups := {{"http://acs.amazonaws.com/groups/global/AllUsers",
                  "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"}}

exempt if input.tags["kumo:exempt"] == "true"

deny contains result if {{
  input.type == "AWS::S3::Bucket"
  not exempt
  cfg := input.config
  pab := object.get(cfg, "publicAccessBlockConfiguration", {{}})
  not pab.blockPublicAcls
  some grant in cfg.acl.grants
  public_groups[grant.grantee.uri]
  grant.permission != "{perm}"
  startswith(input.region, "{region}")
  result := {{
    "msg": sprintf("bucket %s grants %s to %s", [input.name, grant.permission, grant.grantee.uri]),
    "resource_id": input.id,
  }}
}}
'''

for n in range(300):
    with open(os.path.join(out, "controls", f"control_{n:03d}.rego"), "w") as f:
        f.write(TYPICAL.format(n=n, perm=rnd.choice(["NONE", "WRITE_ACP"]), region=rnd.choice(["us-", "eu-", ""])))
with open(os.path.join(out, "control.rego"), "w") as f:
    f.write(TYPICAL.format(n=0, perm="NONE", region=""))

perms = ["READ", "WRITE", "FULL_CONTROL", "READ_ACP"]
uris = ["http://acs.amazonaws.com/groups/global/AllUsers",
        "http://acs.amazonaws.com/groups/s3/LogDelivery",
        "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"]
with open(os.path.join(out, "resources.jsonl"), "w") as f:
    for i in range(100_000):
        grants = [{"grantee": {"type": "Group", "uri": rnd.choice(uris)}, "permission": rnd.choice(perms)}
                  for _ in range(rnd.randint(1, 3))]
        res = {
            "provider": "aws", "account": f"{100000000000 + i % 500}", "region": rnd.choice(["us-east-1", "eu-west-1"]),
            "type": "AWS::S3::Bucket", "id": f"arn:aws:s3:::bucket-{i}", "name": f"bucket-{i}",
            "tags": {"team": f"t{i % 17}"} | ({"kumo:exempt": "true"} if i % 50 == 0 else {}),
            "config": {
                "acl": {"grants": grants, "owner": {"id": f"owner{i % 97}"}},
                "publicAccessBlockConfiguration": {"blockPublicAcls": i % 3 == 0, "ignorePublicAcls": False},
                "versioning": {"status": "Enabled" if i % 2 else "Suspended"},
            },
        }
        f.write(json.dumps(res, separators=(",", ":")) + "\n")
print(f"wrote {out}")
