#!/usr/bin/env python3
"""Writes kumo's example organisation (examples/) and its README.

The example is a small multi-cloud organisation ("Example Corp"): two AWS accounts, two GCP
projects and two Azure subscriptions, each resource in the exact native shape its inventory
export uses (docs/inventory.md, ../shared/specs/formats.md). Every resource is declared once
below with its verdict: GOOD (configured per best practice) or BAD (with the seeded
misconfigurations), and README.md lists them from the same declarations, so the list the
control authors and the scan tests assert against cannot drift from the data.

Run from anywhere: python3 examples/generate.py. The output is deterministic.

The builder functions (s3_bucket, security_group, ...) are also used by
bench/gen_inventory.py to generate large randomised inventories of the same kinds.
"""

import base64
import json
import os
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))

ORG_ID = "123456789012"
# AWS accounts
PAYMENTS = "111122223333"
ML = "444455556666"
# GCP projects (id, number)
GCP_PAY = ("payments-prod-4821", "482100000001")
GCP_ML = ("ml-research-7731", "773100000002")
# Azure subscriptions
AZ_PAY = "6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"
AZ_ML = "9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2"
AZ_TENANT = "72f988bf-0000-4000-8000-00000000c0de"
OWNER_ROLE = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
READER_ROLE = "acdd72a7-3385-48ef-bd42-f606fba81ae7"

CAPTURE = "2025-06-01T08:00:00.000Z"

# Every declared resource: (provider, id, verdict, [what is wrong | why it is good]).
CATALOG = []


def declare(provider, rid, bad=None, good=None, context=None):
    """Records a resource's verdict for README.md. `bad` lists the seeded problems; `context`
    marks a resource whose verdict depends on another resource (no expectation either way)."""
    if context:
        CATALOG.append((provider, rid, "CONTEXT", [context]))
    elif bad:
        CATALOG.append((provider, rid, "BAD", bad))
    else:
        CATALOG.append((provider, rid, "GOOD", [good or "configured per best practice"]))


def compact(v):
    return json.dumps(v, separators=(",", ":"), sort_keys=False)


def urlencoded(doc):
    """IAM policy documents as AWS Config records them: URL-encoded JSON."""
    return urllib.parse.quote(compact(doc), safe="")


# --------------------------------------------------------------------------------------------
# AWS Config configuration items (S3 snapshot file form)


def config_item(account, region, rtype, resource_id, name, arn, configuration, supplementary=None,
                tags=None, relationships=None, capture=CAPTURE):
    return {
        "relatedEvents": [],
        "relationships": relationships or [],
        "configuration": configuration,
        "supplementaryConfiguration": supplementary or {},
        "tags": tags or {},
        "configurationItemVersion": "1.3",
        "configurationItemCaptureTime": capture,
        "configurationStateId": 1748764800000,
        "awsAccountId": account,
        "configurationItemStatus": "OK",
        "resourceType": rtype,
        "resourceId": resource_id,
        "resourceName": name,
        "ARN": arn,
        "awsRegion": region,
        "availabilityZone": "Regional" if rtype == "AWS::S3::Bucket" else "Not Applicable",
        "configurationStateMd5Hash": "",
        "resourceCreationTime": "2024-03-12T09:30:00.000Z",
    }


def s3_bucket(account, region, name, *, public_access_block=True, policy=None, acl_public=False,
              sse="aws:kms", kms_key=None, versioning="Enabled", mfa_delete=True, logging_to=None,
              tags=None):
    canonical = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    grants = [{"grantee": {"id": canonical, "displayName": None}, "permission": "FullControl"}]
    if acl_public:
        grants.append({"grantee": "AllUsers", "permission": "Read"})
    supp = {
        "AccessControlList": compact({"grantSet": None, "grantList": grants,
                                      "owner": {"displayName": None, "id": canonical},
                                      "isRequesterCharged": False}),
        "BucketAccelerateConfiguration": {"status": None},
        "BucketLoggingConfiguration": {"destinationBucketName": logging_to,
                                       "logFilePrefix": (name + "/") if logging_to else None},
        "BucketNotificationConfiguration": {"configurations": {}},
        "BucketPolicy": {"policyText": compact(policy) if policy else None},
        "BucketVersioningConfiguration": {"status": versioning,
                                          "isMfaDeleteEnabled": True if mfa_delete else None},
        "IsRequesterPaysEnabled": False,
    }
    if public_access_block is not None:
        v = bool(public_access_block)
        supp["PublicAccessBlockConfiguration"] = {"blockPublicAcls": v, "ignorePublicAcls": v,
                                                  "blockPublicPolicy": v,
                                                  "restrictPublicBuckets": v}
    if sse:
        rule = {"applyServerSideEncryptionByDefault": {"sseAlgorithm": sse}, "bucketKeyEnabled": sse == "aws:kms"}
        if kms_key:
            rule["applyServerSideEncryptionByDefault"]["kmsMasterKeyID"] = kms_key
        supp["ServerSideEncryptionConfiguration"] = {"rules": [rule]}
    conf = {"name": name, "owner": {"displayName": None, "id": canonical},
            "creationDate": "2024-03-12T09:30:00.000Z"}
    return config_item(account, region, "AWS::S3::Bucket", name, name, f"arn:aws:s3:::{name}", conf,
                       supp, tags)


def deny_insecure_transport(bucket):
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}


def security_group(account, region, group_id, name, ingress, vpc="vpc-0a7c3e5d9b1f24680",
                   description=None, tags=None):
    perms = []
    for proto, from_port, to_port, cidrs, v6, groups in ingress:
        perms.append({
            "fromPort": from_port, "ipProtocol": proto, "toPort": to_port,
            "ipv6Ranges": [{"cidrIpv6": c} for c in v6], "prefixListIds": [],
            "userIdGroupPairs": [{"groupId": g, "userId": account} for g in groups],
            "ipv4Ranges": [{"cidrIp": c} for c in cidrs], "ipRanges": list(cidrs)})
    egress = [] if name == "default" else [{
        "ipProtocol": "-1", "ipv6Ranges": [], "prefixListIds": [], "userIdGroupPairs": [],
        "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipRanges": ["0.0.0.0/0"]}]
    tag_list = [{"key": k, "value": v} for k, v in (tags or {}).items()]
    conf = {"description": description or name, "groupName": name, "ipPermissions": perms,
            "ownerId": account, "groupId": group_id, "ipPermissionsEgress": egress,
            "tags": tag_list, "vpcId": vpc}
    arn = f"arn:aws:ec2:{region}:{account}:security-group/{group_id}"
    rel = [{"resourceId": vpc, "resourceType": "AWS::EC2::VPC", "name": "Is contained in Vpc"}]
    return config_item(account, region, "AWS::EC2::SecurityGroup", group_id, name, arn, conf,
                       {}, tags, rel)


def cloudtrail(account, region, name, *, multi_region=True, validation=True, kms_key=None,
               log_group=True, bucket=None):
    arn = f"arn:aws:cloudtrail:{region}:{account}:trail/{name}"
    conf = {
        "name": name, "s3BucketName": bucket or f"cloudtrail-{account}", "s3KeyPrefix": None,
        "snsTopicName": None, "snsTopicARN": None, "includeGlobalServiceEvents": multi_region,
        "isMultiRegionTrail": multi_region, "homeRegion": region, "trailARN": arn,
        "logFileValidationEnabled": validation,
        "cloudWatchLogsLogGroupArn":
            f"arn:aws:logs:{region}:{account}:log-group:aws-cloudtrail-{name}:*" if log_group else None,
        "cloudWatchLogsRoleArn":
            f"arn:aws:iam::{account}:role/CloudTrail_CloudWatchLogs_Role" if log_group else None,
        "kmsKeyId": kms_key, "hasCustomEventSelectors": False, "hasInsightSelectors": False,
        "isOrganizationTrail": False}
    return config_item(account, region, "AWS::CloudTrail::Trail", name, name, arn, conf)


def kms_key(account, region, key_id, description, rotation):
    arn = f"arn:aws:kms:{region}:{account}:key/{key_id}"
    conf = {"keyId": key_id, "arn": arn, "creationDate": "2023-05-04T10:00:00.000Z",
            "enabled": True, "description": description, "keyUsage": "ENCRYPT_DECRYPT",
            "keyState": "Enabled", "origin": "AWS_KMS", "keyManager": "CUSTOMER",
            "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keySpec": "SYMMETRIC_DEFAULT",
            "encryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "multiRegion": False}
    # Config records the rotation status as a supplementary JSON string.
    return config_item(account, region, "AWS::KMS::Key", key_id, key_id, arn, conf,
                       {"KeyRotationStatus": "true" if rotation else "false"})


def iam_user(account, name, user_id, *, groups=(), attached=(), inline=()):
    arn = f"arn:aws:iam::{account}:user/{name}"
    conf = {"path": "/", "userName": name, "userId": user_id, "arn": arn,
            "createDate": "2023-02-14T12:00:00.000Z",
            "userPolicyList": [{"policyName": n, "policyDocument": urlencoded(d)} for n, d in inline],
            "groupList": list(groups),
            "attachedManagedPolicies": [{"policyName": p.split("/")[-1], "policyArn": p}
                                        for p in attached],
            "permissionsBoundary": None, "tags": []}
    return config_item(account, "global", "AWS::IAM::User", user_id, name, arn, conf)


def iam_role(account, name, role_id, trust, attached=(), tags=None):
    arn = f"arn:aws:iam::{account}:role/{name}"
    conf = {"path": "/", "roleName": name, "roleId": role_id, "arn": arn,
            "createDate": "2024-09-01T12:00:00.000Z",
            "assumeRolePolicyDocument": urlencoded(trust), "instanceProfileList": [],
            "rolePolicyList": [],
            "attachedManagedPolicies": [{"policyName": p.split("/")[-1], "policyArn": p}
                                        for p in attached],
            "permissionsBoundary": None,
            "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
            "roleLastUsed": {"lastUsedDate": "2025-05-30T17:00:00.000Z", "region": "us-east-1"}}
    return config_item(account, "global", "AWS::IAM::Role", role_id, name, arn, conf, tags=tags)


def github_oidc_trust(account, sub=None, aud=True):
    cond = {}
    if aud:
        cond["StringEquals"] = {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}
    if sub is not None:
        cond["StringLike"] = {"token.actions.githubusercontent.com:sub": sub}
    return {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": f"arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com"},
        "Action": "sts:AssumeRoleWithWebIdentity", "Condition": cond}]}


def guardrail(account, region, gid, name, prompt_attack, *, pii=True):
    filters = [{"type": t, "inputStrength": "HIGH", "outputStrength": "HIGH",
                "inputModalities": ["TEXT"], "outputModalities": ["TEXT"],
                "inputAction": "BLOCK", "outputAction": "BLOCK", "inputEnabled": True,
                "outputEnabled": True}
               for t in ("SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT")]
    if prompt_attack:
        filters.append({"type": "PROMPT_ATTACK", "inputStrength": prompt_attack,
                        "outputStrength": "NONE", "inputModalities": ["TEXT"],
                        "outputModalities": ["TEXT"], "inputAction": "BLOCK",
                        "outputAction": "NONE", "inputEnabled": True, "outputEnabled": False})
    arn = f"arn:aws:bedrock:{region}:{account}:guardrail/{gid}"
    body = {
        "name": name, "guardrailId": gid, "guardrailArn": arn, "version": "DRAFT",
        "status": "READY", "description": f"Guardrail for {name}",
        "contentPolicy": {"filters": filters, "tier": {"tierName": "STANDARD"}},
        "topicPolicy": {"topics": [{"name": "investment-advice",
                                    "definition": "Recommendations about buying or selling securities",
                                    "examples": ["Which stock should I buy?"], "type": "DENY",
                                    "inputAction": "BLOCK", "outputAction": "BLOCK",
                                    "inputEnabled": True, "outputEnabled": True}],
                        "tier": {"tierName": "CLASSIC"}},
        "wordPolicy": {"words": [], "managedWordLists": [{"type": "PROFANITY", "inputAction": "BLOCK",
                                                          "outputAction": "BLOCK",
                                                          "inputEnabled": True,
                                                          "outputEnabled": True}]},
        "contextualGroundingPolicy": {"filters": [
            {"type": "GROUNDING", "threshold": 0.75, "action": "BLOCK", "enabled": True},
            {"type": "RELEVANCE", "threshold": 0.5, "action": "BLOCK", "enabled": True}]},
        "createdAt": "2025-02-01T10:00:00Z", "updatedAt": "2025-05-20T10:00:00Z",
        "statusReasons": [], "failureRecommendations": [],
        "blockedInputMessaging": "Sorry, I can't help with that request.",
        "blockedOutputsMessaging": "Sorry, I can't share that.",
        "kmsKeyArn": f"arn:aws:kms:{region}:{account}:key/5d1b7e0c-3f2a-4c6e-9b8d-7a6f5e4d3c2b"}
    if pii:
        body["sensitiveInformationPolicy"] = {"piiEntities": [
            {"type": t, "action": "BLOCK", "inputAction": "BLOCK", "outputAction": "BLOCK",
             "inputEnabled": True, "outputEnabled": True}
            for t in ("AWS_ACCESS_KEY", "AWS_SECRET_KEY", "CREDIT_DEBIT_CARD_NUMBER", "PASSWORD")],
            "regexes": []}
    return config_item(account, region, "AWS::Bedrock::Guardrail", gid, name, arn, body)


def credential_row(account, user, *, password=False, password_last_used="N/A", mfa=False,
                   key1=None, key2=None, created="2023-02-14T12:00:00+00:00"):
    """`key1`/`key2`: (active, last_rotated, last_used_date, region, service) or None."""
    root = user == "<root_account>"
    arn = f"arn:aws:iam::{account}:root" if root else f"arn:aws:iam::{account}:user/{user}"
    row = [user, arn, created,
           "not_supported" if root else ("true" if password else "false"),
           password_last_used,
           "not_supported" if root else (created if password else "N/A"),
           "not_supported" if root else "N/A",
           "true" if mfa else "false"]
    for key in (key1, key2):
        if key is None:
            row += ["false", "N/A", "N/A", "N/A", "N/A"]
        else:
            active, rotated, used, region, service = key
            row += ["true" if active else "false", rotated, used, region, service]
    row += ["false", "N/A", "false", "N/A"]
    return ",".join(row)


CREDENTIAL_HEADER = ("user,arn,user_creation_time,password_enabled,password_last_used,"
                     "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                     "access_key_1_last_rotated,access_key_1_last_used_date,"
                     "access_key_1_last_used_region,access_key_1_last_used_service,"
                     "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                     "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                     "cert_1_last_rotated,cert_2_active,cert_2_last_rotated")


def kumo_resource(provider, account, region, rtype, rid, name, config):
    return {"provider": provider, "account": account, "region": region, "type": rtype, "id": rid,
            "name": name, "tags": {}, "config": config, "supplementary": {}, "iam_policy": {},
            "ancestors": [], "source": {"file": "", "format": "kumo-jsonl", "record": 0}}


# --------------------------------------------------------------------------------------------
# GCP Cloud Asset Inventory (gcloud asset export lines, snake_case)


def cai_resource(name, asset_type, discovery_name, parent, data, location, ancestors, version="v1"):
    service = asset_type.split("/")[0]
    return {"name": name, "asset_type": asset_type,
            "resource": {"version": version,
                         "discovery_document_uri": f"https://{service}/$discovery/rest?version={version}",
                         "discovery_name": discovery_name, "parent": parent, "data": data,
                         "location": location},
            "ancestors": ancestors, "update_time": "2025-06-01T08:00:00.000000Z"}


def cai_policy(name, asset_type, bindings, ancestors):
    return {"name": name, "asset_type": asset_type,
            "iam_policy": {"version": 1, "etag": "BwYl3xq2Xx8=", "bindings": bindings},
            "ancestors": ancestors, "update_time": "2025-06-01T08:00:00.000000Z"}


def gcp_ancestors(project, folder="folders/301122334455"):
    return [f"projects/{project[1]}", folder, f"organizations/{ORG_ID}"]


def project_parent(project):
    return f"//cloudresourcemanager.googleapis.com/projects/{project[1]}"


def gcs_bucket(project, name, location, *, uniform=True, pap="enforced", versioning=True,
               logging=True, kms=None, labels=None):
    data = {"kind": "storage#bucket", "id": name, "selfLink": f"https://www.googleapis.com/storage/v1/b/{name}",
            "projectNumber": project[1], "name": name, "timeCreated": "2024-04-02T10:00:00.000Z",
            "updated": "2025-05-01T10:00:00.000Z", "metageneration": "3", "location": location.upper(),
            "locationType": "region", "storageClass": "STANDARD", "etag": "CAM=",
            "iamConfiguration": {"bucketPolicyOnly": {"enabled": uniform},
                                 "uniformBucketLevelAccess": {"enabled": uniform},
                                 "publicAccessPrevention": pap},
            "versioning": {"enabled": versioning},
            "softDeletePolicy": {"retentionDurationSeconds": "604800"},
            "labels": labels or {}}
    if logging:
        data["logging"] = {"logBucket": f"{project[0]}-access-logs", "logObjectPrefix": name}
    if kms:
        data["encryption"] = {"defaultKmsKeyName": kms}
    return cai_resource(f"//storage.googleapis.com/{name}", "storage.googleapis.com/Bucket",
                        "Bucket", project_parent(project), data, location, gcp_ancestors(project))


def gcp_service_account(project, account_id, display, unique_id):
    email = f"{account_id}@{project[0]}.iam.gserviceaccount.com"
    name = f"//iam.googleapis.com/projects/{project[0]}/serviceAccounts/{email}"
    data = {"name": f"projects/{project[0]}/serviceAccounts/{email}", "projectId": project[0],
            "uniqueId": unique_id, "email": email, "displayName": display, "etag": "MDEwMjE5MjA=",
            "oauth2ClientId": unique_id}
    return cai_resource(name, "iam.googleapis.com/ServiceAccount", "ServiceAccount",
                        project_parent(project), data, "global", gcp_ancestors(project)), email


def gcp_sa_key(project, email, key_id, key_type, unique_id):
    name = f"//iam.googleapis.com/projects/{project[0]}/serviceAccounts/{email}/keys/{key_id}"
    data = {"name": f"projects/{project[0]}/serviceAccounts/{email}/keys/{key_id}",
            "validAfterTime": "2024-02-01T09:00:00Z",
            "validBeforeTime": "9999-12-31T23:59:59Z" if key_type == "USER_MANAGED" else "2025-07-01T09:00:00Z",
            "keyAlgorithm": "KEY_ALG_RSA_2048", "keyOrigin": "GOOGLE_PROVIDED", "keyType": key_type}
    parent = f"//iam.googleapis.com/projects/{project[0]}/serviceAccounts/{unique_id}"
    return cai_resource(name, "iam.googleapis.com/ServiceAccountKey", "ServiceAccountKey", parent,
                        data, "global", gcp_ancestors(project))


def gcp_project(project, display, labels):
    data = {"projectNumber": project[1], "projectId": project[0], "lifecycleState": "ACTIVE",
            "name": display, "createTime": "2023-11-20T10:00:00.000Z", "labels": labels,
            "parent": {"type": "folder", "id": "301122334455"}}
    return cai_resource(f"//cloudresourcemanager.googleapis.com/projects/{project[1]}",
                        "cloudresourcemanager.googleapis.com/Project", "Project",
                        "//cloudresourcemanager.googleapis.com/folders/301122334455", data,
                        "global", gcp_ancestors(project))


def vertex_endpoint(project, region, endpoint_id, display, *, private, cmek=None, sa=None):
    data = {"name": f"projects/{project[1]}/locations/{region}/endpoints/{endpoint_id}",
            "displayName": display, "etag": "AMEw9yO=",
            "deployedModels": [{"id": "6152437001", "model": f"projects/{project[1]}/locations/{region}/models/2219",
                                "displayName": f"{display}-model", "createTime": "2025-03-01T10:00:00Z",
                                "dedicatedResources": {"machineSpec": {"machineType": "n1-standard-4"},
                                                       "minReplicaCount": 1, "maxReplicaCount": 2},
                                "serviceAccount": sa or "", "enableAccessLogging": private}],
            "trafficSplit": {"6152437001": 100}, "createTime": "2025-03-01T10:00:00Z",
            "updateTime": "2025-05-01T10:00:00Z"}
    if private:
        data["privateServiceConnectConfig"] = {"enablePrivateServiceConnect": True,
                                               "projectAllowlist": [project[0]]}
        data["predictRequestResponseLoggingConfig"] = {"enabled": True, "samplingRate": 0.1,
                                                       "bigqueryDestination": {"outputUri": f"bq://{project[0]}.vertex_logs.{display}"}}
    if cmek:
        data["encryptionSpec"] = {"kmsKeyName": cmek}
    return cai_resource(f"//aiplatform.googleapis.com/projects/{project[1]}/locations/{region}/endpoints/{endpoint_id}",
                        "aiplatform.googleapis.com/Endpoint", "Endpoint", project_parent(project),
                        data, region, gcp_ancestors(project))


def workbench_instance(project, zone, name, *, public_ip, sa_email, cmek=None):
    data = {"name": f"projects/{project[0]}/locations/{zone}/instances/{name}",
            "gceSetup": {"machineType": "e2-standard-4",
                         "serviceAccounts": [{"email": sa_email}],
                         "networkInterfaces": [{"network": f"projects/{project[0]}/global/networks/ml-vpc",
                                                "subnet": f"projects/{project[0]}/regions/{zone[:-2]}/subnetworks/ml-subnet",
                                                "nicType": "GVNIC"}],
                         "disablePublicIp": not public_ip,
                         "shieldedInstanceConfig": {"enableSecureBoot": not public_ip,
                                                    "enableVtpm": True,
                                                    "enableIntegrityMonitoring": True},
                         "metadata": {"notebook-disable-root": "true" if not public_ip else "false"},
                         "bootDisk": {"diskSizeGb": "150", "diskType": "PD_BALANCED",
                                      "diskEncryption": "CMEK" if cmek else "GMEK",
                                      **({"kmsKey": cmek} if cmek else {})}},
            "proxyUri": f"{name}-dot-us-central1.notebooks.googleusercontent.com",
            "instanceOwners": ["ml-lead@example.com"], "creator": "ml-lead@example.com",
            "state": "ACTIVE", "disableProxyAccess": False,
            "createTime": "2025-01-15T10:00:00Z", "updateTime": "2025-05-15T10:00:00Z"}
    return cai_resource(f"//notebooks.googleapis.com/projects/{project[0]}/locations/{zone}/instances/{name}",
                        "notebooks.googleapis.com/Instance", "Instance", project_parent(project),
                        data, zone, gcp_ancestors(project), version="v2")


def gce_firewall(project, name, source_ranges, ports, fw_id):
    data = {"id": fw_id, "name": name, "network": f"https://www.googleapis.com/compute/v1/projects/{project[0]}/global/networks/default",
            "direction": "INGRESS", "priority": 1000, "sourceRanges": source_ranges,
            "allowed": [{"IPProtocol": "tcp", "ports": ports}], "disabled": False,
            "logConfig": {"enable": True}, "creationTimestamp": "2024-05-01T10:00:00.000-07:00",
            "selfLink": f"https://www.googleapis.com/compute/v1/projects/{project[0]}/global/firewalls/{name}"}
    return cai_resource(f"//compute.googleapis.com/projects/{project[0]}/global/firewalls/{name}",
                        "compute.googleapis.com/Firewall", "Firewall", project_parent(project),
                        data, "global", gcp_ancestors(project))


# --------------------------------------------------------------------------------------------
# Azure (Resource Graph rows, `az graph query` output; ARM list responses)


def arg_row(sub, rg, provider_type, name, location, properties, *, kind="", sku=None, tags=None,
            identity=None, table_type=None):
    rid = f"/subscriptions/{sub}/resourceGroups/{rg}/providers/{provider_type}/{name}"
    return {"id": rid, "name": name, "type": (table_type or provider_type).lower(),
            "tenantId": AZ_TENANT, "kind": kind, "location": location, "resourceGroup": rg,
            "subscriptionId": sub, "managedBy": "", "sku": sku, "plan": None,
            "properties": properties, "tags": tags or {}, "identity": identity, "zones": None,
            "extendedLocation": None}


def storage_account(sub, rg, name, location, *, public_blob, tls="TLS1_2", default_action="Deny",
                    tags=None):
    props = {"allowBlobPublicAccess": public_blob, "allowSharedKeyAccess": not (default_action == "Deny"),
             "supportsHttpsTrafficOnly": True, "minimumTlsVersion": tls,
             "publicNetworkAccess": "Enabled" if default_action == "Allow" else "Disabled",
             "networkAcls": {"bypass": "AzureServices", "defaultAction": default_action,
                             "ipRules": [], "virtualNetworkRules": []},
             "encryption": {"keySource": "Microsoft.Storage",
                            "requireInfrastructureEncryption": True,
                            "services": {"blob": {"enabled": True, "keyType": "Account"},
                                         "file": {"enabled": True, "keyType": "Account"}}},
             "accessTier": "Hot", "provisioningState": "Succeeded",
             "creationTime": "2024-02-10T10:00:00.0000000Z",
             "primaryEndpoints": {"blob": f"https://{name}.blob.core.windows.net/"}}
    return arg_row(sub, rg, "Microsoft.Storage/storageAccounts", name, location, props,
                   kind="StorageV2", sku={"name": "Standard_ZRS", "tier": "Standard"}, tags=tags)


def nsg(sub, rg, name, location, rules):
    rid = f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/networkSecurityGroups/{name}"
    sec = []
    for rule_name, port, source, prio in rules:
        sec.append({"name": rule_name, "id": f"{rid}/securityRules/{rule_name}",
                    "type": "Microsoft.Network/networkSecurityGroups/securityRules",
                    "properties": {"protocol": "Tcp", "sourcePortRange": "*",
                                   "destinationPortRange": port, "sourceAddressPrefix": source,
                                   "destinationAddressPrefix": "*", "access": "Allow",
                                   "priority": prio, "direction": "Inbound",
                                   "provisioningState": "Succeeded",
                                   "sourcePortRanges": [], "destinationPortRanges": [],
                                   "sourceAddressPrefixes": [], "destinationAddressPrefixes": []}})
    props = {"securityRules": sec, "provisioningState": "Succeeded",
             "resourceGuid": "2f8b8c55-1d8e-4a7e-9e3a-5d7c1e6b9a01"}
    return arg_row(sub, rg, "Microsoft.Network/networkSecurityGroups", name, location, props)


def openai_account(sub, rg, name, location, *, secure):
    props = {"customSubDomainName": name, "endpoint": f"https://{name}.openai.azure.com/",
             "provisioningState": "Succeeded",
             "publicNetworkAccess": "Disabled" if secure else "Enabled",
             "dynamicThrottlingEnabled": False, "restrictOutboundNetworkAccess": secure}
    if secure:
        props["disableLocalAuth"] = True
        props["networkAcls"] = {"defaultAction": "Deny", "ipRules": [], "virtualNetworkRules": [],
                                "bypass": "None"}
        props["privateEndpointConnections"] = [{
            "id": f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{name}/privateEndpointConnections/pe-{name}",
            "properties": {"privateLinkServiceConnectionState": {"status": "Approved"},
                           "provisioningState": "Succeeded"}}]
        props["encryption"] = {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {
            "keyName": "oai-cmk", "keyVersion": "3f1e2d", "keyVaultUri": "https://kv-ml-prod.vault.azure.net/"}}
        props["allowedFqdnList"] = ["kv-ml-prod.vault.azure.net"]
    return arg_row(sub, rg, "Microsoft.CognitiveServices/accounts", name, location, props,
                   kind="OpenAI", sku={"name": "S0"},
                   identity={"type": "SystemAssigned", "principalId": "0b5d7c1e-0000-4000-8000-0000000000a1",
                             "tenantId": AZ_TENANT})


def rai_policy(sub, rg, account, name, *, jailbreak):
    def f(filter_name, source, enabled=True, blocking=True, threshold="Medium"):
        out = {"name": filter_name, "blocking": blocking, "enabled": enabled, "source": source}
        if threshold:
            out["severityThreshold"] = threshold
        return out
    filters = []
    for cat in ("Hate", "Sexual", "Violence", "Selfharm"):
        filters += [f(cat, "Prompt"), f(cat, "Completion")]
    filters.append(f("Jailbreak", "Prompt", enabled=jailbreak, blocking=jailbreak, threshold=None))
    filters.append(f("Indirect Attack", "Prompt", enabled=jailbreak, blocking=jailbreak, threshold=None))
    filters.append(f("Protected Material Text", "Completion", threshold=None))
    filters.append(f("Protected Material Code", "Completion", blocking=False, threshold=None))
    return {"id": f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{account}/raiPolicies/{name}",
            "name": name, "type": "Microsoft.CognitiveServices/accounts/raiPolicies",
            "etag": "\"0a00c1d2-0000-0d00-0000-665b0a0b0000\"",
            "systemData": {"createdBy": "ml-lead@example.com", "createdByType": "User",
                           "createdAt": "2025-03-01T10:00:00.0000000Z"},
            "properties": {"mode": "Blocking", "basePolicyName": "Microsoft.DefaultV2",
                           "contentFilters": filters,
                           "customBlocklists": [{"blocklistName": "secrets", "blocking": True,
                                                 "source": "Prompt"}] if jailbreak else []}}


def oai_deployment(sub, rg, account, name, model, version, rai):
    return {"id": f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.CognitiveServices/accounts/{account}/deployments/{name}",
            "name": name, "type": "Microsoft.CognitiveServices/accounts/deployments",
            "sku": {"name": "Standard", "capacity": 30},
            "properties": {"model": {"format": "OpenAI", "name": model, "version": version},
                           "versionUpgradeOption": "NoAutoUpgrade", "raiPolicyName": rai,
                           "provisioningState": "Succeeded",
                           "rateLimits": [{"key": "request", "renewalPeriod": 10, "count": 30}]}}


def role_assignment(sub, guid, role_guid, principal_id, principal_type, scope, created):
    return {"id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}",
            "name": guid, "type": "microsoft.authorization/roleassignments", "tenantId": AZ_TENANT,
            "kind": "", "location": "", "resourceGroup": "", "subscriptionId": sub,
            "managedBy": "", "sku": None, "plan": None,
            "properties": {"roleDefinitionId": f"/subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{role_guid}",
                           "principalId": principal_id, "principalType": principal_type,
                           "scope": scope, "condition": None, "conditionVersion": None,
                           "createdOn": created, "updatedOn": created,
                           "createdBy": "4b1c0d2e-0000-4000-8000-0000000000c3",
                           "updatedBy": "4b1c0d2e-0000-4000-8000-0000000000c3",
                           "delegatedManagedIdentityResourceId": None, "description": None},
            "tags": None, "identity": None, "zones": None, "extendedLocation": None}


# --------------------------------------------------------------------------------------------
# The organisation


def aws_payments():
    a, r = PAYMENTS, "us-east-1"
    data_key = "0f3e2d1c-4b5a-4968-8776-5a4b3c2d1e0f"
    legacy_key = "7c6b5a49-3827-4165-9483-726150493827"
    items = []

    items.append(s3_bucket(a, r, "payments-public-assets", public_access_block=False,
                           policy={"Version": "2012-10-17", "Statement": [{
                               "Sid": "PublicRead", "Effect": "Allow", "Principal": "*",
                               "Action": "s3:GetObject",
                               "Resource": "arn:aws:s3:::payments-public-assets/*"}]},
                           acl_public=True, sse="AES256", versioning="Enabled", mfa_delete=False,
                           logging_to="payments-access-logs-111122223333",
                           tags={"team": "payments", "purpose": "website"}))
    declare("aws", "arn:aws:s3:::payments-public-assets",
            bad=["Block Public Access is off (all four settings false)",
                 "bucket policy allows s3:GetObject to Principal \"*\" (public read)",
                 "ACL grants READ to AllUsers",
                 "no TLS-only (aws:SecureTransport) deny statement",
                 "MFA delete not enabled",
                 "muted in mutelist.yaml (static website, public by design)"])

    items.append(s3_bucket(a, r, "payments-legacy-exports", sse=None, versioning="Off",
                           mfa_delete=False, logging_to=None,
                           policy=None, tags={"team": "payments"}))
    declare("aws", "arn:aws:s3:::payments-legacy-exports",
            bad=["no default encryption (no ServerSideEncryptionConfiguration)",
                 "versioning Off", "MFA delete not enabled", "no server access logging",
                 "no bucket policy denying non-TLS requests"])

    for name in ("payments-statements", "payments-access-logs-111122223333",
                 "cloudtrail-111122223333"):
        items.append(s3_bucket(a, r, name, policy=deny_insecure_transport(name),
                               kms_key=f"arn:aws:kms:{r}:{a}:key/{data_key}",
                               logging_to="payments-access-logs-111122223333",
                               tags={"owner": "security"} if name.startswith("cloudtrail") else
                               {"team": "payments"}))
        declare("aws", f"arn:aws:s3:::{name}",
                good="Block Public Access on, SSE-KMS, versioning + MFA delete, TLS-only policy, "
                     "access logging")

    items.append(security_group(a, r, "sg-0b1a2c3d4e5f60718", "bastion-ssh",
                                [("tcp", 22, 22, ["0.0.0.0/0"], [], [])],
                                description="Bastion SSH", tags={"team": "payments"}))
    declare("aws", f"arn:aws:ec2:{r}:{a}:security-group/sg-0b1a2c3d4e5f60718",
            bad=["ingress tcp/22 (SSH) from 0.0.0.0/0"])
    items.append(security_group(a, r, "sg-0c2b3a4d5e6f70819", "windows-rdp",
                                [("tcp", 3389, 3389, ["0.0.0.0/0"], ["::/0"], [])],
                                description="Legacy Windows jump host"))
    declare("aws", f"arn:aws:ec2:{r}:{a}:security-group/sg-0c2b3a4d5e6f70819",
            bad=["ingress tcp/3389 (RDP) from 0.0.0.0/0 and ::/0"])
    items.append(security_group(a, r, "sg-0d3c4b5a6e7f8091a", "web-alb",
                                [("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"], [])],
                                description="Public HTTPS load balancer"))
    declare("aws", f"arn:aws:ec2:{r}:{a}:security-group/sg-0d3c4b5a6e7f8091a",
            good="only tcp/443 open to the internet (intended public HTTPS); no admin ports")
    items.append(security_group(a, r, "sg-0e4d5c6b7a8f9012b", "payments-db",
                                [("tcp", 5432, 5432, [], [], ["sg-0d3c4b5a6e7f8091a"])],
                                description="Postgres from the app tier only"))
    declare("aws", f"arn:aws:ec2:{r}:{a}:security-group/sg-0e4d5c6b7a8f9012b",
            good="tcp/5432 only from another security group")
    items.append(security_group(a, r, "sg-0f5e6d7c8b9a0123c", "default", [],
                                description="default VPC security group"))
    declare("aws", f"arn:aws:ec2:{r}:{a}:security-group/sg-0f5e6d7c8b9a0123c",
            good="default security group with no ingress and no egress rules")

    items.append(cloudtrail(a, r, "org-audit-trail", kms_key=f"arn:aws:kms:{r}:{a}:key/{data_key}",
                            bucket="cloudtrail-111122223333"))
    declare("aws", f"arn:aws:cloudtrail:{r}:{a}:trail/org-audit-trail",
            good="multi-region, global service events, log file validation, SSE-KMS, CloudWatch Logs")

    items.append(kms_key(a, r, data_key, "payments data key", rotation=True))
    declare("aws", f"arn:aws:kms:{r}:{a}:key/{data_key}", good="customer managed key with rotation on")
    items.append(kms_key(a, r, legacy_key, "legacy app key", rotation=False))
    declare("aws", f"arn:aws:kms:{r}:{a}:key/{legacy_key}",
            bad=["customer managed key with automatic rotation disabled (KeyRotationStatus false)"])

    items.append(iam_user(a, "alice", "AIDAQEXAMPLEALICE0001", groups=["payments-developers"]))
    declare("aws", f"arn:aws:iam::{a}:user/alice",
            good="no password, no access keys, MFA device, permissions through a group only")
    items.append(iam_user(a, "bob", "AIDAQEXAMPLEBOB000002", groups=["payments-developers"]))
    declare("aws", f"arn:aws:iam::{a}:user/bob",
            bad=["console password enabled without MFA (credential report mfa_active false)"])
    items.append(iam_user(a, "legacy-batch", "AIDAQEXAMPLELEGACY03",
                          attached=["arn:aws:iam::aws:policy/AmazonS3FullAccess"]))
    declare("aws", f"arn:aws:iam::{a}:user/legacy-batch",
            bad=["active access key last rotated 2023-03-01 (older than 90 days)",
                 "access key unused since 2023-06-30 (unused for more than 90 days)",
                 "managed policy attached directly to the user (not through a group)"])
    items.append(iam_user(a, "github-actions-deploy", "AIDAQEXAMPLEGHADEP04",
                          attached=["arn:aws:iam::aws:policy/AdministratorAccess"]))
    declare("aws", f"arn:aws:iam::{a}:user/github-actions-deploy",
            bad=["CI/CD IAM user with two active long-lived access keys (use GitHub OIDC instead)",
                 "AdministratorAccess attached directly to the user",
                 "access key 1 last rotated 2025-01-10 (older than 90 days)"])

    items.append(iam_role(a, "github-actions-deploy-prod", "AROAQEXAMPLEGHAPROD1",
                          github_oidc_trust(a, sub=None),
                          attached=["arn:aws:iam::aws:policy/AdministratorAccess"],
                          tags={"team": "payments"}))
    declare("aws", f"arn:aws:iam::{a}:role/github-actions-deploy-prod",
            bad=["GitHub Actions OIDC trust policy checks only `aud`, no `sub` condition: any "
                 "GitHub repository can assume the role"])
    items.append(iam_role(a, "github-actions-payments-release", "AROAQEXAMPLEGHAREL02",
                          github_oidc_trust(a, sub="repo:example-org/payments:ref:refs/heads/main"),
                          attached=[f"arn:aws:iam::{a}:policy/payments-release"],
                          tags={"team": "payments"}))
    declare("aws", f"arn:aws:iam::{a}:role/github-actions-payments-release",
            good="OIDC trust pinned to repo:example-org/payments:ref:refs/heads/main with aud")
    return items


def aws_ml():
    a, r = ML, "us-east-1"
    items = []
    key = "5d1b7e0c-3f2a-4c6e-9b8d-7a6f5e4d3c2b"
    items.append(s3_bucket(a, r, "ml-training-data-444455556666", versioning="Suspended",
                           mfa_delete=False, kms_key=f"arn:aws:kms:{r}:{a}:key/{key}",
                           policy=deny_insecure_transport("ml-training-data-444455556666"),
                           logging_to="ml-access-logs-444455556666", tags={"team": "data"}))
    declare("aws", "arn:aws:s3:::ml-training-data-444455556666",
            bad=["versioning Suspended on the training-data bucket (no recovery from poisoning "
                 "or deletion; OWASP LLM04)", "MFA delete not enabled"])
    for name in ("ml-bedrock-invocation-logs-444455556666", "ml-access-logs-444455556666"):
        items.append(s3_bucket(a, r, name, kms_key=f"arn:aws:kms:{r}:{a}:key/{key}",
                               policy=deny_insecure_transport(name),
                               logging_to="ml-access-logs-444455556666", tags={"team": "ml"}))
        declare("aws", f"arn:aws:s3:::{name}",
                good="Block Public Access on, SSE-KMS, versioning + MFA delete, TLS-only policy, "
                     "access logging")
    items.append(kms_key(a, r, key, "ml data key", rotation=True))
    declare("aws", f"arn:aws:kms:{r}:{a}:key/{key}", good="customer managed key with rotation on")

    items.append(cloudtrail(a, r, "ml-trail", multi_region=False, validation=False, kms_key=None,
                            log_group=False, bucket="ml-access-logs-444455556666"))
    declare("aws", f"arn:aws:cloudtrail:{r}:{a}:trail/ml-trail",
            bad=["single-region trail (isMultiRegionTrail false, no global service events)",
                 "log file validation disabled", "not encrypted with KMS",
                 "not integrated with CloudWatch Logs"])

    items.append(iam_role(a, "github-actions-ml-train", "AROAQEXAMPLEGHAMLT03",
                          github_oidc_trust(a, sub="repo:example-org/*"),
                          attached=[f"arn:aws:iam::{a}:policy/ml-training"], tags={"team": "ml"}))
    declare("aws", f"arn:aws:iam::{a}:role/github-actions-ml-train",
            bad=["GitHub Actions OIDC trust with org-wide wildcard sub `repo:example-org/*`: "
                 "any repository in the organisation can assume the role"])
    items.append(iam_user(a, "data-scientist-1", "AIDAQEXAMPLEDATASC05", groups=["ml-scientists"]))
    declare("aws", f"arn:aws:iam::{a}:user/data-scientist-1",
            good="no password, no access keys, MFA device, permissions through a group only")

    items.append(guardrail(a, r, "gr7k2m9p4q1x", "support-chat-guard", "HIGH"))
    declare("aws", f"arn:aws:bedrock:{r}:{a}:guardrail/gr7k2m9p4q1x",
            good="PROMPT_ATTACK filter HIGH on input (BLOCK), content filters HIGH, PII blocked, "
                 "grounding checks, KMS key")
    items.append(guardrail(a, r, "gr3n8v5b2c6z", "internal-assistant-guard", "LOW"))
    declare("aws", f"arn:aws:bedrock:{r}:{a}:guardrail/gr3n8v5b2c6z",
            bad=["PROMPT_ATTACK filter inputStrength LOW (needs MEDIUM or HIGH; OWASP LLM01)"])
    items.append(guardrail(a, r, "gr9d4f1h6j3k", "summarizer-guard", None, pii=False))
    declare("aws", f"arn:aws:bedrock:{r}:{a}:guardrail/gr9d4f1h6j3k",
            bad=["no PROMPT_ATTACK filter at all (OWASP LLM01)",
                 "no sensitiveInformationPolicy: PII and secrets not filtered (OWASP LLM02)"])
    return items


def aws_credential_reports():
    pay = [CREDENTIAL_HEADER,
           credential_row(PAYMENTS, "<root_account>", password_last_used="2024-11-02T08:15:00+00:00",
                          mfa=False, key1=(True, "2021-06-01T10:00:00+00:00",
                                           "2025-05-28T22:10:00+00:00", "us-east-1", "s3"),
                          created="2021-06-01T10:00:00+00:00"),
           credential_row(PAYMENTS, "alice", mfa=True),
           credential_row(PAYMENTS, "bob", password=True,
                          password_last_used="2025-05-29T09:00:00+00:00", mfa=False),
           credential_row(PAYMENTS, "legacy-batch", key1=(True, "2023-03-01T10:00:00+00:00",
                                                          "2023-06-30T02:00:00+00:00",
                                                          "us-east-1", "s3")),
           credential_row(PAYMENTS, "github-actions-deploy",
                          key1=(True, "2025-01-10T10:00:00+00:00", "2025-05-31T18:00:00+00:00",
                                "us-east-1", "sts"),
                          key2=(True, "2025-04-02T10:00:00+00:00", "2025-05-30T18:00:00+00:00",
                                "us-east-1", "ecr"))]
    declare("aws", f"arn:aws:iam::{PAYMENTS}:root",
            bad=["root account has an active access key (access_key_1_active true)",
                 "root account has no MFA (mfa_active false)"])
    ml = [CREDENTIAL_HEADER,
          credential_row(ML, "<root_account>", password_last_used="2023-01-20T08:00:00+00:00",
                         mfa=True, created="2022-09-01T10:00:00+00:00"),
          credential_row(ML, "data-scientist-1", mfa=True)]
    declare("aws", f"arn:aws:iam::{ML}:root",
            good="root has MFA, no access keys, not used since 2023")
    return "\n".join(pay) + "\n", "\n".join(ml) + "\n"


def aws_account_facts():
    lines = []
    lines.append(kumo_resource("aws", PAYMENTS, "global", "AWS::IAM::PasswordPolicy",
                               f"arn:aws:iam::{PAYMENTS}:account-password-policy", "password-policy",
                               {"MinimumPasswordLength": 8, "RequireSymbols": False,
                                "RequireNumbers": True, "RequireUppercaseCharacters": True,
                                "RequireLowercaseCharacters": True,
                                "AllowUsersToChangePassword": True, "ExpirePasswords": False,
                                "HardExpiry": False}))
    declare("aws", f"arn:aws:iam::{PAYMENTS}:account-password-policy",
            bad=["minimum password length 8 (CIS: 14)", "symbols not required",
                 "no PasswordReusePrevention (CIS: 24)"])
    lines.append(kumo_resource("aws", ML, "global", "AWS::IAM::PasswordPolicy",
                               f"arn:aws:iam::{ML}:account-password-policy", "password-policy",
                               {"MinimumPasswordLength": 14, "RequireSymbols": True,
                                "RequireNumbers": True, "RequireUppercaseCharacters": True,
                                "RequireLowercaseCharacters": True,
                                "AllowUsersToChangePassword": True, "ExpirePasswords": True,
                                "MaxPasswordAge": 90, "PasswordReusePrevention": 24,
                                "HardExpiry": False}))
    declare("aws", f"arn:aws:iam::{ML}:account-password-policy",
            good="length 14, all character classes, reuse prevention 24, max age 90")
    lines.append(kumo_resource(
        "aws", ML, "us-east-1", "AWS::Bedrock::ModelInvocationLoggingConfiguration",
        f"arn:aws:bedrock:us-east-1:{ML}:model-invocation-logging-configuration",
        "model-invocation-logging",
        {"loggingConfig": {
            "cloudWatchConfig": {"logGroupName": "/aws/bedrock/model-invocations",
                                 "roleArn": f"arn:aws:iam::{ML}:role/bedrock-invocation-logging",
                                 "largeDataDeliveryS3Config": {
                                     "bucketName": "ml-bedrock-invocation-logs-444455556666",
                                     "keyPrefix": "large-data/"}},
            "s3Config": {"bucketName": "ml-bedrock-invocation-logs-444455556666",
                         "keyPrefix": "invocations/"},
            "textDataDeliveryEnabled": True, "imageDataDeliveryEnabled": True,
            "embeddingDataDeliveryEnabled": True, "videoDataDeliveryEnabled": True}}))
    declare("aws", f"arn:aws:bedrock:us-east-1:{ML}:model-invocation-logging-configuration",
            good="model invocation logging on, to CloudWatch Logs and an SSE-KMS S3 bucket")
    lines.append(kumo_resource(
        "aws", ML, "us-west-2", "AWS::Bedrock::ModelInvocationLoggingConfiguration",
        f"arn:aws:bedrock:us-west-2:{ML}:model-invocation-logging-configuration",
        "model-invocation-logging", {}))
    declare("aws", f"arn:aws:bedrock:us-west-2:{ML}:model-invocation-logging-configuration",
            bad=["model invocation logging disabled in us-west-2 (no loggingConfig)"])
    return lines


def gcp_org():
    res, pol = [], []
    pay, ml = GCP_PAY, GCP_ML
    res.append(gcp_project(pay, "Payments Prod", {"team": "payments", "env": "prod"}))
    pol.append(cai_policy(f"//cloudresourcemanager.googleapis.com/projects/{pay[1]}",
                          "cloudresourcemanager.googleapis.com/Project",
                          [{"role": "roles/owner", "members": ["user:dev-lead@example.com"]},
                           {"role": "roles/editor",
                            "members": [f"serviceAccount:{pay[1]}-compute@developer.gserviceaccount.com"]},
                           {"role": "roles/viewer", "members": ["group:payments-eng@example.com"]}],
                          gcp_ancestors(pay)))
    declare("gcp", f"//cloudresourcemanager.googleapis.com/projects/{pay[1]}",
            bad=["project IAM policy grants roles/owner to a user (user:dev-lead@example.com)",
                 "project IAM policy grants roles/editor to the default compute service account"])
    res.append(gcp_project(ml, "ML Research", {"team": "ml", "env": "research"}))
    pol.append(cai_policy(f"//cloudresourcemanager.googleapis.com/projects/{ml[1]}",
                          "cloudresourcemanager.googleapis.com/Project",
                          [{"role": "roles/aiplatform.user", "members": ["group:ml-scientists@example.com"]},
                           {"role": "roles/viewer", "members": ["group:ml-eng@example.com"]}],
                          gcp_ancestors(ml)))
    declare("gcp", f"//cloudresourcemanager.googleapis.com/projects/{ml[1]}",
            good="only predefined, non-basic roles granted to groups")

    res.append(gcs_bucket(pay, "payments-prod-public-reports", "europe-west1", uniform=False,
                          pap="inherited", versioning=False, logging=False,
                          labels={"team": "payments"}))
    pol.append(cai_policy("//storage.googleapis.com/payments-prod-public-reports",
                          "storage.googleapis.com/Bucket",
                          [{"role": "roles/storage.objectViewer", "members": ["allUsers"]},
                           {"role": "roles/storage.legacyBucketOwner",
                            "members": [f"projectOwner:{pay[0]}"]}],
                          gcp_ancestors(pay)))
    declare("gcp", "//storage.googleapis.com/payments-prod-public-reports",
            bad=["IAM policy grants roles/storage.objectViewer to allUsers (public)",
                 "uniform bucket-level access disabled",
                 "public access prevention not enforced", "versioning off", "no access logging"])
    res.append(gcs_bucket(pay, "payments-prod-backups", "europe-west1",
                          kms=f"projects/{pay[0]}/locations/europe-west1/keyRings/payments/cryptoKeys/backups",
                          labels={"team": "payments"}))
    pol.append(cai_policy("//storage.googleapis.com/payments-prod-backups",
                          "storage.googleapis.com/Bucket",
                          [{"role": "roles/storage.objectAdmin",
                            "members": [f"serviceAccount:backup-writer@{pay[0]}.iam.gserviceaccount.com"]}],
                          gcp_ancestors(pay)))
    declare("gcp", "//storage.googleapis.com/payments-prod-backups",
            good="uniform access, public access prevention enforced, versioning, logging, CMEK")
    res.append(gcs_bucket(ml, "ml-research-datasets", "us-central1", labels={"team": "data-eng"}))
    pol.append(cai_policy("//storage.googleapis.com/ml-research-datasets",
                          "storage.googleapis.com/Bucket",
                          [{"role": "roles/storage.objectViewer",
                            "members": ["allAuthenticatedUsers"]}],
                          gcp_ancestors(ml)))
    declare("gcp", "//storage.googleapis.com/ml-research-datasets",
            bad=["IAM policy grants roles/storage.objectViewer to allAuthenticatedUsers (any "
                 "Google account)"])

    sa, app_email = gcp_service_account(pay, "app-backend", "Payments backend", "104857600000000000001")
    res.append(sa)
    declare("gcp", sa["name"],
            context="owns the user-managed key listed above; the misconfiguration is reported on the key")
    key = gcp_sa_key(pay, app_email, "3f9a1c7e5b2d4f60a8c1e3b5d7f9a2c4e6b8d0f1", "USER_MANAGED",
                     "104857600000000000001")
    res.append(key)
    declare("gcp", key["name"],
            bad=["user-managed service account key (keyType USER_MANAGED), valid until 9999, "
                 "created 2024-02-01"])
    sa2, vertex_email = gcp_service_account(ml, "vertex-runner", "Vertex AI runner",
                                            "104857600000000000002")
    res.append(sa2)
    declare("gcp", sa2["name"], good="only Google-managed keys")
    key2 = gcp_sa_key(ml, vertex_email, "8e2c4a6b0d1f3e5a7c9b1d3f5a7c9e1b3d5f7a9c", "SYSTEM_MANAGED",
                      "104857600000000000002")
    res.append(key2)
    declare("gcp", key2["name"], good="SYSTEM_MANAGED key (rotated by Google)")

    ep = vertex_endpoint(ml, "us-central1", "1111222233334444", "chat-public", private=False,
                         sa=vertex_email)
    res.append(ep)
    declare("gcp", ep["name"],
            bad=["Vertex AI endpoint is public (no network / Private Service Connect)",
                 "no CMEK (encryptionSpec absent)", "request/response logging off"])
    ep2 = vertex_endpoint(ml, "us-central1", "5555666677778888", "chat-private", private=True,
                          sa=vertex_email,
                          cmek=f"projects/{ml[0]}/locations/us-central1/keyRings/ml/cryptoKeys/vertex")
    res.append(ep2)
    declare("gcp", ep2["name"], good="Private Service Connect, CMEK, request/response logging")

    nb = workbench_instance(ml, "us-central1-a", "nb-exploration", public_ip=True,
                            sa_email=f"{ml[1]}-compute@developer.gserviceaccount.com")
    res.append(nb)
    declare("gcp", nb["name"],
            bad=["Workbench instance has a public IP (disablePublicIp false)",
                 "runs as the default compute service account", "root access allowed",
                 "Secure Boot off"])
    nb2 = workbench_instance(ml, "us-central1-a", "nb-training", public_ip=False, sa_email=vertex_email,
                             cmek=f"projects/{ml[0]}/locations/us-central1/keyRings/ml/cryptoKeys/notebooks")
    res.append(nb2)
    declare("gcp", nb2["name"],
            good="no public IP, dedicated service account, root disabled, Secure Boot, CMEK disk")

    fw = gce_firewall(pay, "allow-ssh-from-anywhere", ["0.0.0.0/0"], ["22"], "7216054412345678901")
    res.append(fw)
    declare("gcp", fw["name"], bad=["firewall rule allows tcp/22 from 0.0.0.0/0"])
    fw2 = gce_firewall(pay, "allow-https-from-lb", ["130.211.0.0/22", "35.191.0.0/16"], ["443"],
                       "7216054412345678902")
    res.append(fw2)
    declare("gcp", fw2["name"], good="tcp/443 only from Google load balancer ranges")
    return res, pol


def azure_org():
    rows = []
    pay, ml = AZ_PAY, AZ_ML
    st = storage_account(pay, "rg-payments-web", "stpaymentspublic01", "westeurope",
                         public_blob=True, tls="TLS1_0", default_action="Allow",
                         tags={"team": "payments"})
    rows.append(st)
    declare("azure", st["id"],
            bad=["allowBlobPublicAccess true", "minimumTlsVersion TLS1_0",
                 "network default action Allow (open to all networks)"])
    st2 = storage_account(pay, "rg-payments-data", "stpaymentsdata01", "westeurope",
                          public_blob=False, tags={"team": "payments"})
    rows.append(st2)
    declare("azure", st2["id"],
            good="no public blob access, TLS1_2, HTTPS only, default action Deny, shared keys off, "
                 "infrastructure encryption")

    n1 = nsg(pay, "rg-payments-net", "nsg-jumpbox", "westeurope",
             [("allow-ssh", "22", "*", 100), ("allow-rdp", "3389", "Internet", 110)])
    rows.append(n1)
    declare("azure", n1["id"],
            bad=["inbound tcp/22 allowed from any source (*)",
                 "inbound tcp/3389 allowed from Internet"])
    n2 = nsg(pay, "rg-payments-net", "nsg-app", "westeurope",
             [("allow-https-lb", "443", "AzureLoadBalancer", 100),
              ("allow-app-from-vnet", "8443", "VirtualNetwork", 110)])
    rows.append(n2)
    declare("azure", n2["id"], good="inbound only from AzureLoadBalancer and VirtualNetwork")

    o1 = openai_account(ml, "rg-ml-ai", "oai-ml-sandbox", "swedencentral", secure=False)
    rows.append(o1)
    declare("azure", o1["id"],
            bad=["local (API key) auth enabled: disableLocalAuth absent",
                 "publicNetworkAccess Enabled with no networkAcls (open to the internet)",
                 "no customer-managed key"])
    o2 = openai_account(ml, "rg-ml-ai", "oai-ml-prod", "swedencentral", secure=True)
    rows.append(o2)
    declare("azure", o2["id"],
            good="disableLocalAuth true, public network access Disabled, private endpoint, "
                 "network ACL Deny, CMEK")

    ra1 = role_assignment(pay, "0f8fad5b-d9cb-469f-a165-70867728950e", OWNER_ROLE,
                          "a1b2c3d4-0000-4000-8000-0000000000e1", "User", f"/subscriptions/{pay}",
                          "2024-01-15T10:00:00.0000000Z")
    rows.append(ra1)
    declare("azure", ra1["id"],
            bad=["Owner role (8e3af657-...) assigned permanently to a user at subscription scope "
                 "(use PIM eligible assignments)"])
    ra2 = role_assignment(pay, "7c9e6679-7425-40de-944b-e07fc1f90ae7", READER_ROLE,
                          "a1b2c3d4-0000-4000-8000-0000000000e2", "Group",
                          f"/subscriptions/{pay}/resourceGroups/rg-payments-data",
                          "2024-03-01T10:00:00.0000000Z")
    rows.append(ra2)
    declare("azure", ra2["id"], good="Reader for a group at resource-group scope")

    rai = [rai_policy(ml, "rg-ml-ai", "oai-ml-sandbox", "sandbox-relaxed", jailbreak=False),
           rai_policy(ml, "rg-ml-ai", "oai-ml-prod", "prod-strict", jailbreak=True)]
    declare("azure", rai[0]["id"],
            bad=["Jailbreak (prompt shield) filter disabled and not blocking (OWASP LLM01)",
                 "Indirect Attack filter disabled"])
    declare("azure", rai[1]["id"],
            good="Jailbreak and Indirect Attack filters enabled and blocking, content filters Medium")
    deps = [oai_deployment(ml, "rg-ml-ai", "oai-ml-sandbox", "gpt-4o-sandbox", "gpt-4o",
                           "2024-11-20", "sandbox-relaxed"),
            oai_deployment(ml, "rg-ml-ai", "oai-ml-prod", "gpt-4o-prod", "gpt-4o", "2024-11-20",
                           "prod-strict")]
    declare("azure", deps[0]["id"],
            bad=["deployment uses RAI policy sandbox-relaxed, whose Jailbreak filter is off"])
    declare("azure", deps[1]["id"], good="deployment uses RAI policy prod-strict")
    return rows, rai, deps


def write(path, text):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def snapshot(items, account, region):
    return json.dumps({"fileVersion": "1.0",
                       "configSnapshotId": f"5a1f0c3e-{account[:4]}-4d2b-9e7a-{account}",
                       "configurationItems": items}, indent=2) + "\n"


def readme():
    bad = [c for c in CATALOG if c[2] == "BAD"]
    good = [c for c in CATALOG if c[2] == "GOOD"]
    context = [c for c in CATALOG if c[2] == "CONTEXT"]
    out = [README_HEAD.format(total=len(CATALOG), bad=len(bad), good=len(good),
                              context=len(context))]
    for title, rows in (("Seeded misconfigurations (BAD)", bad), ("Good resources", good),
                        ("Context resources (no expectation)", context)):
        out.append(f"\n## {title}\n")
        for provider in ("aws", "gcp", "azure"):
            sel = [r for r in rows if r[0] == provider]
            if not sel:
                continue
            out.append(f"\n### {provider.upper() if provider != 'azure' else 'Azure'}\n\n")
            head = {"BAD": "what is wrong", "GOOD": "why it is good", "CONTEXT": "why it is here"}
            out.append("| resource id | " + head[sel[0][2]] + " |\n|---|---|\n")
            for _, rid, _, notes in sel:
                out.append(f"| `{rid}` | " + "; ".join(n.replace("|", "\\|") for n in notes) + " |\n")
    out.append(README_TAIL)
    return "".join(out)


README_HEAD = """# Example organisation

A small multi-cloud organisation written for kumo ("Example Corp"), in the exact native shapes of
the inventory exports kumo reads. Try it:

```sh
kumo inventory export examples/ > /tmp/example-org.jsonl   # every resource, normalized
kumo scan examples/                                        # posture checks, owners, mutes
```

Generated by `python3 examples/generate.py` (edit the generator, not the files). It holds
{total} resources: {bad} seeded with misconfigurations (every one must FAIL at least one control),
{good} configured per best practice (none may FAIL), and {context} context resource(s) whose
verdict depends on another resource. Each list below is the contract the scan tests assert.

| file | format | what |
|---|---|---|
| `aws/config-snapshot-111122223333.json` | AWS Config snapshot (S3 delivery file form) | account 111122223333 (payments) |
| `aws/config-snapshot-444455556666.json` | AWS Config snapshot | account 444455556666 (ML platform) |
| `aws/credential-report-111122223333.csv` | IAM credential report, CSV | payments users and root |
| `aws/credential-report-444455556666.json` | `aws iam get-credential-report` JSON (base64 CSV) | ML users and root |
| `aws/account-facts.jsonl` | kumo JSONL | password policies, Bedrock model invocation logging |
| `gcp/cai-resources.jsonl` | `gcloud asset export --content-type=resource` | projects payments-prod-4821, ml-research-7731 |
| `gcp/cai-iam-policies.jsonl` | `gcloud asset export --content-type=iam-policy` | IAM policies of the same assets |
| `azure/resource-graph.json` | `az graph query` output (`resources` + `authorizationresources`) | subscriptions 6f1d2c3b-… (payments), 9c8b7a6d-… (ML) |
| `azure/cognitive-services.json` | ARM list responses (`value`) | Azure OpenAI RAI policies and deployments |
| `kumo.yaml` | ownership | products, champions, Slack channels, Jira projects |
| `mutelist.yaml` | mute rules | one active, one expired |

Notes for control authors (see `docs/inventory.md`):

* IAM policy documents in AWS Config (`assumeRolePolicyDocument`, `policyDocument`) are
  URL-encoded JSON; S3 `BucketPolicy.policyText` is JSON text.
* `AWS::KMS::Key` rotation is `supplementary.KeyRotationStatus` (Config records `"true"`; the
  loader parses JSON strings, so controls see the boolean `true`).
* IAM user MFA, password and access-key facts are in `supplementary.credentialReport` (all values
  strings). Time-based checks (key age, unused credentials) compare with the scan time: the seeded
  old keys are from 2023, and the good users hold no keys or passwords, so verdicts do not change
  as time passes.
* `AWS::IAM::PasswordPolicy` and `AWS::Bedrock::ModelInvocationLoggingConfiguration` come from
  `aws/account-facts.jsonl` (config = the `GetAccountPasswordPolicy` `PasswordPolicy` and the
  `GetModelInvocationLoggingConfiguration` response, `{{}}` when logging is off).
* GCP IAM policies arrive in their own export file and are merged into the resources by name.
"""

README_TAIL = """
## Ownership and mutes

`kumo.yaml` maps the accounts, projects and subscriptions to four products: `data-platform`
(tag `team=data`: the bucket `ml-training-data-444455556666`; label `team=data*`: the GCP bucket
`ml-research-datasets`), `shared-security` (tag `owner=security`: the bucket
`cloudtrail-111122223333`), then `payments` and `ml-platform` by account, project and
subscription, so every finding has an owner.
`mutelist.yaml` mutes the public website bucket `payments-public-assets` (public by design,
approved, expires 2099-12-31) and has one **expired** rule (the bastion SSH security group,
expired 2025-03-31) that must be reported and ignored.
"""


KUMO_YAML = """# Ownership for the example organisation: who owns what, and where findings go.
# Products are tried in order; the first whose rules match a resource owns its findings, so
# the tag/label rules come before the account rules they refine.
products:
  - name: data-platform
    champion: lena.fischer@example.com
    slack_channel: "#data-platform"
    jira_project: DATA
    match:
      tags: {team: data}            # AWS tags / Azure tags
      labels: ["team=data*"]        # GCP labels (glob)
  - name: shared-security
    champion: sec-lead@example.com
    slack_channel: "#security-guardrails"
    jira_project: SEC
    match:
      tags: {owner: security}
  - name: payments
    champion: priya.shah@example.com
    slack_channel: "#payments-security"
    jira_project: PAY
    match:
      accounts: ["111122223333"]                    # AWS payments account
      projects: ["payments-prod-4821"]              # GCP
      subscriptions: ["6f1d2c3b-0a9e-4b7d-8c6f-0123456789a1"]   # Azure
  - name: ml-platform
    champion: kenji.watanabe@example.com
    slack_channel: "#ml-platform-security"
    jira_project: MLP
    match:
      accounts: ["444455556666"]
      projects: ["ml-research-7731"]
      subscriptions: ["9c8b7a6d-5e4f-4a3b-9c2d-0123456789b2"]
"""

MUTELIST_YAML = """# Mute rules for the example organisation. A muted finding is kept and shown as MUTED.
mutes:
  - account: "111122223333"
    control: "AWS-S3-*"
    resource: "arn:aws:s3:::payments-public-assets"
    tags: {purpose: website}
    reason: Static marketing website served from S3; public read is intended. Objects are
      published by the release pipeline only.
    requester: priya.shah@example.com
    approver: sec-lead@example.com
    ticket: SEC-1042
    expires: 2099-12-31
  - account: "111122223333"
    control: "AWS-EC2-*"
    resource: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0b1a2c3d4e5f60718"
    reason: Temporary bastion during the data-centre migration.
    requester: bob@example.com
    approver: sec-lead@example.com
    ticket: SEC-977
    expires: 2025-03-31   # expired: reported and ignored
"""


def main():
    CATALOG.clear()
    write("aws/config-snapshot-111122223333.json", snapshot(aws_payments(), PAYMENTS, "us-east-1"))
    write("aws/config-snapshot-444455556666.json", snapshot(aws_ml(), ML, "us-east-1"))
    pay_csv, ml_csv = aws_credential_reports()
    write("aws/credential-report-111122223333.csv", pay_csv)
    write("aws/credential-report-444455556666.json", json.dumps(
        {"Content": base64.b64encode(ml_csv.encode()).decode(), "ReportFormat": "text/csv",
         "GeneratedTime": "2025-06-01T08:00:00+00:00"}, indent=4) + "\n")
    write("aws/account-facts.jsonl", "".join(compact(l) + "\n" for l in aws_account_facts()))
    res, pol = gcp_org()
    write("gcp/cai-resources.jsonl", "".join(compact(l) + "\n" for l in res))
    write("gcp/cai-iam-policies.jsonl", "".join(compact(l) + "\n" for l in pol))
    rows, rai, deps = azure_org()
    write("azure/resource-graph.json", json.dumps(
        {"count": len(rows), "data": rows, "skip_token": None, "total_records": len(rows)},
        indent=2) + "\n")
    write("azure/cognitive-services.json",
          json.dumps({"value": rai}, indent=2) + "\n" + json.dumps({"value": deps}, indent=2) + "\n")
    write("kumo.yaml", KUMO_YAML)
    write("mutelist.yaml", MUTELIST_YAML)
    write("README.md", readme())
    print(f"wrote {len(CATALOG)} resources to {HERE}")


if __name__ == "__main__":
    main()
