#!/usr/bin/env python3
"""Generates a large multi-cloud inventory for benchmarks.

    bench/gen_inventory.py N OUTDIR [--seed S] [--gzip]

writes about N resources split across the three clouds (45% AWS, 30% GCP, 25% Azure) in the
formats kumo reads, with the same resource kinds and native shapes as examples/ (the builders
come from examples/generate.py), randomised good and bad settings, and realistic sizes:

    OUTDIR/aws/<account>/config-snapshot-<account>-<k>.json[.gz]   AWS Config snapshots
    OUTDIR/aws/<account>/credential-report-<account>.csv           IAM credential reports
    OUTDIR/gcp/cai-resources-<k>.jsonl[.gz]                          CAI export (resources)
    OUTDIR/gcp/cai-iam-policies-<k>.jsonl[.gz]                       CAI export (IAM policies)
    OUTDIR/azure/resource-graph-<k>.json[.gz]                        `az graph query` pages
    OUTDIR/azure/cognitive-services-<k>.json[.gz]                    ARM lists (RAI policies)

Credential-report rows and IAM-policy lines are merged into resources by the loaders, so they do
not count towards N. Use bench/data/ (git-ignored) as OUTDIR. Deterministic for a given seed.
"""

import argparse
import gzip
import importlib.util
import json
import os
import random
import sys

_spec = importlib.util.spec_from_file_location(
    "kumo_examples", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples",
                                  "generate.py"))
ex = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ex)

AWS_PER_FILE = 20000       # configuration items per snapshot file
AWS_PER_ACCOUNT = 40000
LINES_PER_FILE = 100000    # CAI lines per export file
ARG_PER_PAGE = 20000       # rows per Resource Graph page
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]
GCP_REGIONS = ["us-central1", "europe-west1", "asia-northeast1"]
AZ_REGIONS = ["westeurope", "eastus", "swedencentral", "japaneast"]


def dumps(v):
    return json.dumps(v, separators=(",", ":"))


class Out:
    """A text file written piece by piece, gzipped when asked."""

    def __init__(self, path, gz):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.path = path + (".gz" if gz else "")
        self.f = gzip.open(self.path, "wt", encoding="utf-8", compresslevel=3) if gz else open(
            self.path, "w", encoding="utf-8")

    def write(self, s):
        self.f.write(s)

    def close(self):
        self.f.close()


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def aws_item(rng, account, i):
    region = rng.choice(REGIONS)
    kind = rng.random()
    if kind < 0.30:
        gid = "sg-" + hexid(rng, 17)
        rules = []
        for _ in range(rng.randint(1, 6)):
            port = rng.choice([22, 3389, 443, 80, 5432, 8080, 6379])
            cidr = rng.choice(["0.0.0.0/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24"])
            rules.append(("tcp", port, port, [cidr], ["::/0"] if rng.random() < 0.1 else [],
                          [] if rng.random() < 0.7 else ["sg-" + hexid(rng, 17)]))
        return ex.security_group(account, region, gid, f"sg-{i}", rules,
                                 vpc="vpc-" + hexid(rng, 17), tags={"team": rng.choice(["a", "b", "c"])})
    if kind < 0.50:
        name = f"bkt-{account}-{i}"
        policy = ex.deny_insecure_transport(name) if rng.random() < 0.6 else None
        return ex.s3_bucket(account, region, name, public_access_block=rng.random() < 0.8,
                            policy=policy, acl_public=rng.random() < 0.05,
                            sse=rng.choice(["aws:kms", "AES256", None]),
                            kms_key=f"arn:aws:kms:{region}:{account}:key/{hexid(rng, 32)}",
                            versioning=rng.choice(["Enabled", "Off", "Suspended"]),
                            mfa_delete=rng.random() < 0.2,
                            logging_to=f"logs-{account}" if rng.random() < 0.5 else None,
                            tags={"team": rng.choice(["a", "b", "c"]), "env": rng.choice(["dev", "prod"])})
    if kind < 0.60:
        return ex.iam_user(account, f"user-{i}", "AIDA" + hexid(rng, 16).upper(),
                           groups=["developers"] if rng.random() < 0.7 else [],
                           attached=["arn:aws:iam::aws:policy/ReadOnlyAccess"] if rng.random() < 0.3 else [])
    if kind < 0.75:
        sub = rng.choice([None, "repo:example-org/*", f"repo:example-org/svc-{i}:ref:refs/heads/main"])
        return ex.iam_role(account, f"role-{i}", "AROA" + hexid(rng, 16).upper(),
                           ex.github_oidc_trust(account, sub=sub, aud=rng.random() < 0.9),
                           attached=[f"arn:aws:iam::{account}:policy/p-{i % 50}"])
    if kind < 0.85:
        return ex.kms_key(account, region, f"{hexid(rng, 8)}-{hexid(rng, 4)}-{hexid(rng, 4)}-{hexid(rng, 4)}-{hexid(rng, 12)}",
                          f"key {i}", rotation=rng.random() < 0.7)
    if kind < 0.95:
        return ex.guardrail(account, region, hexid(rng, 12), f"guard-{i}",
                            rng.choice(["HIGH", "MEDIUM", "LOW", None]), pii=rng.random() < 0.7)
    return ex.cloudtrail(account, region, f"trail-{i}", multi_region=rng.random() < 0.7,
                         validation=rng.random() < 0.7,
                         kms_key=f"arn:aws:kms:{region}:{account}:key/{hexid(rng, 32)}" if rng.random() < 0.5 else None)


def gen_aws(rng, n, outdir, gz):
    accounts = max(1, (n + AWS_PER_ACCOUNT - 1) // AWS_PER_ACCOUNT)
    made = 0
    for a in range(accounts):
        account = str(200000000000 + a * 7919)
        count = min(AWS_PER_ACCOUNT, n - made)
        users = []
        k = 0
        while count > 0:
            chunk = min(AWS_PER_FILE, count)
            out = Out(os.path.join(outdir, "aws", account, f"config-snapshot-{account}-{k}.json"), gz)
            out.write('{"fileVersion":"1.0","configSnapshotId":"%s","configurationItems":[\n' %
                      f"{hexid(rng, 8)}-0000-4000-8000-{account}")
            for j in range(chunk):
                item = aws_item(rng, account, made + j)
                if item["resourceType"] == "AWS::IAM::User":
                    users.append(item["resourceName"])
                out.write(("," if j else "") + dumps(item) + "\n")
            out.write("]}\n")
            out.close()
            made += chunk
            count -= chunk
            k += 1
        rep = Out(os.path.join(outdir, "aws", account, f"credential-report-{account}.csv"), False)
        rep.write(ex.CREDENTIAL_HEADER + "\n")
        rep.write(ex.credential_row(account, "<root_account>", mfa=rng.random() < 0.8) + "\n")
        for u in users:
            key = (True, "2023-03-01T10:00:00+00:00", "2025-05-01T10:00:00+00:00", "us-east-1", "s3") \
                if rng.random() < 0.4 else None
            rep.write(ex.credential_row(account, u, password=rng.random() < 0.5,
                                        password_last_used="2025-05-01T10:00:00+00:00",
                                        mfa=rng.random() < 0.6, key1=key) + "\n")
        rep.close()
    return made


def gen_gcp(rng, n, outdir, gz):
    made = 0
    k = 0
    projects = []
    res_out = pol_out = None
    lines = 0
    while made < n:
        if res_out is None or lines >= LINES_PER_FILE:
            if res_out:
                res_out.close()
                pol_out.close()
            res_out = Out(os.path.join(outdir, "gcp", f"cai-resources-{k}.jsonl"), gz)
            pol_out = Out(os.path.join(outdir, "gcp", f"cai-iam-policies-{k}.jsonl"), gz)
            k += 1
            lines = 0
        if made % 5000 == 0:
            pnum = str(500000000000 + len(projects))
            project = (f"proj-{len(projects)}-{hexid(rng, 4)}", pnum)
            projects.append(project)
            res_out.write(dumps(ex.gcp_project(project, f"Project {len(projects)}", {"team": "t"})) + "\n")
            pol_out.write(dumps(ex.cai_policy(f"//cloudresourcemanager.googleapis.com/projects/{pnum}",
                                              "cloudresourcemanager.googleapis.com/Project",
                                              [{"role": rng.choice(["roles/owner", "roles/viewer"]),
                                                "members": ["user:someone@example.com"]}],
                                              ex.gcp_ancestors(project))) + "\n")
            made += 1
            lines += 1
            continue
        project = projects[-1]
        kind = rng.random()
        region = rng.choice(GCP_REGIONS)
        if kind < 0.40:
            name = f"{project[0]}-bkt-{made}"
            res_out.write(dumps(ex.gcs_bucket(project, name, region, uniform=rng.random() < 0.8,
                                              pap=rng.choice(["enforced", "inherited"]),
                                              versioning=rng.random() < 0.6,
                                              logging=rng.random() < 0.5,
                                              labels={"team": rng.choice(["a", "b"])})) + "\n")
            if rng.random() < 0.5:
                member = rng.choice(["allUsers", "allAuthenticatedUsers", "group:g@example.com"])
                pol_out.write(dumps(ex.cai_policy(f"//storage.googleapis.com/{name}",
                                                  "storage.googleapis.com/Bucket",
                                                  [{"role": "roles/storage.objectViewer", "members": [member]}],
                                                  ex.gcp_ancestors(project))) + "\n")
        elif kind < 0.60:
            sa, email = ex.gcp_service_account(project, f"sa-{made}", f"SA {made}", str(10**20 + made))
            res_out.write(dumps(sa) + "\n")
        elif kind < 0.75:
            email = f"sa-{made}@{project[0]}.iam.gserviceaccount.com"
            res_out.write(dumps(ex.gcp_sa_key(project, email, hexid(rng, 40),
                                              rng.choice(["USER_MANAGED", "SYSTEM_MANAGED"]),
                                              str(10**20 + made))) + "\n")
        elif kind < 0.85:
            res_out.write(dumps(ex.vertex_endpoint(project, region, str(10**15 + made), f"ep-{made}",
                                                   private=rng.random() < 0.5)) + "\n")
        elif kind < 0.92:
            res_out.write(dumps(ex.workbench_instance(project, region + "-a", f"nb-{made}",
                                                      public_ip=rng.random() < 0.4,
                                                      sa_email="x@example.com")) + "\n")
        else:
            res_out.write(dumps(ex.gce_firewall(project, f"fw-{made}",
                                                [rng.choice(["0.0.0.0/0", "10.0.0.0/8"])],
                                                [rng.choice(["22", "3389", "443"])],
                                                str(10**18 + made))) + "\n")
        made += 1
        lines += 1
    if res_out:
        res_out.close()
        pol_out.close()
    return made


def gen_azure(rng, n, outdir, gz):
    """`n` includes the RAI policies (resources of their own, written last)."""
    made = 0
    page = 0
    rai_rows = []
    n_rai = min(5000, n // 12)
    n -= n_rai
    while made < n:
        count = min(ARG_PER_PAGE, n - made)
        out = Out(os.path.join(outdir, "azure", f"resource-graph-{page}.json"), gz)
        out.write('{"count":%d,"data":[\n' % count)
        for j in range(count):
            i = made + j
            sub = f"00000000-0000-4000-8000-{i // 10000:012d}"
            rg = f"rg-{i % 97}"
            region = rng.choice(AZ_REGIONS)
            kind = rng.random()
            if kind < 0.35:
                row = ex.storage_account(sub, rg, f"st{i:010d}", region, public_blob=rng.random() < 0.2,
                                         tls=rng.choice(["TLS1_2", "TLS1_0"]),
                                         default_action=rng.choice(["Allow", "Deny"]),
                                         tags={"team": rng.choice(["a", "b"])})
            elif kind < 0.65:
                rules = [(f"r{x}", rng.choice(["22", "3389", "443", "8080"]),
                          rng.choice(["*", "Internet", "VirtualNetwork", "10.0.0.0/8"]), 100 + x)
                         for x in range(rng.randint(1, 5))]
                row = ex.nsg(sub, rg, f"nsg-{i}", region, rules)
            elif kind < 0.75:
                row = ex.openai_account(sub, rg, f"oai-{i}", region, secure=rng.random() < 0.5)
                if len(rai_rows) < n_rai:
                    rai_rows.append(ex.rai_policy(sub, rg, f"oai-{i}", "policy",
                                                  jailbreak=rng.random() < 0.6))
            else:
                role = rng.choice([ex.OWNER_ROLE, ex.READER_ROLE])
                scope = f"/subscriptions/{sub}" if rng.random() < 0.5 else f"/subscriptions/{sub}/resourceGroups/{rg}"
                row = ex.role_assignment(sub, f"{hexid(rng, 8)}-{hexid(rng, 4)}-4{hexid(rng, 3)}-8{hexid(rng, 3)}-{hexid(rng, 12)}",
                                         role, f"{hexid(rng, 8)}-0000-4000-8000-{hexid(rng, 12)}",
                                         rng.choice(["User", "Group", "ServicePrincipal"]), scope,
                                         "2024-01-15T10:00:00.0000000Z")
            out.write(("," if j else "") + dumps(row) + "\n")
        out.write('],"skip_token":null,"total_records":%d}\n' % count)
        out.close()
        made += count
        page += 1
    while len(rai_rows) < n_rai:  # few OpenAI accounts drawn: top up
        i = len(rai_rows)
        rai_rows.append(ex.rai_policy(f"00000000-0000-4000-8000-{0:012d}", "rg-0", f"oai-extra-{i}",
                                      "policy", jailbreak=rng.random() < 0.6))
    if rai_rows:
        out = Out(os.path.join(outdir, "azure", "cognitive-services-0.json"), gz)
        out.write(dumps({"value": rai_rows}) + "\n")
        out.close()
    return made + len(rai_rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("n", type=int, help="number of resources")
    ap.add_argument("outdir", help="output directory (use bench/data/...)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gzip", action="store_true", help="gzip the JSON files")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_aws = int(args.n * 0.45)
    n_gcp = int(args.n * 0.30)
    n_az = args.n - n_aws - n_gcp
    total = gen_aws(rng, n_aws, args.outdir, args.gzip)
    total += gen_gcp(rng, n_gcp, args.outdir, args.gzip)
    total += gen_azure(rng, n_az, args.outdir, args.gzip)
    size = 0
    for root, _, files in os.walk(args.outdir):
        size += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    print(f"wrote {total} resources, {size / 1e6:.1f} MB in {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
