// Field tables (§4, §5.3): every field's value on a full event, absence on
// an empty one, and the non-string cases.
#include "detect/fields.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "unit/detect/test_util.h"

namespace kumo::detect {
namespace {

using testing::Field;
using testing::TestEvent;

const char* kFullCt = R"({
 "eventVersion":"1.10","eventID":"e-1","errorCode":"AccessDenied","errorMessage":"denied",
 "eventTime":"2025-01-02T03:04:05Z","eventSource":"ec2.amazonaws.com","eventName":"RunInstances",
 "userIdentity":{"type":"AssumedRole","principalId":"AROA1:dev-session","arn":"arn:aws:sts::111:assumed-role/Dev/dev-session",
   "accountId":"111","sessionContext":{"sessionIssuer":{"userName":"Dev"}}},
 "awsRegion":"eu-west-1","sourceIPAddress":"198.51.100.7","userAgent":"aws-cli/2",
 "requestParameters":{"availabilityZone":"eu-west-1a","cluster":"c1","functionName":"f1","groupName":"g1",
   "Host":"h1","name":"n1","policy":"p1","reason":"r1","target":"t1","serialNumber":"s1","serviceName":"svc",
   "subnetId":"sub-1","taskDefinition":"td1","userName":"u1","documentName":"doc1","bucketName":"bkt","key":"k/1",
   "repositoryName":"repo","imageTag":"v1","roleName":"role1","policyName":"pol1",
   "tagSpecificationSet":{"items":[{"resourceType":"volume","tags":[{"key":"Name","value":"vol"}]},
                                   {"resourceType":"instance","tags":[{"key":"env","value":"x"},{"key":"Name","value":"web-1"}]}]}},
 "responseElements":{"subnetId":"sub-2","reservationId":"r-1","instancesSet":{"items":[{"imageId":"ami-1"},{"imageId":"ami-2"}]}},
 "additionalEventData":{"bytesTransferredIn":100,"bytesTransferredOut":23.7},
 "requestID":"req-1","readOnly":false,"eventType":"AwsApiCall","apiVersion":"2016-11-15",
 "managementEvent":true,"recipientAccountId":"222","serviceEventDetails":{"x":1},"sharedEventID":"sh-1",
 "vpcEndpointId":"vpce-1","eventCategory":"Management",
 "resources":[{"ARN":"arn:1","type":"AWS::EC2::Instance"},{"ARN":"arn:2"}],
 "addendum":{"reason":"DELIVERY_DELAY","updatedFields":"f","originalRequestID":"oreq","originalEventID":"oev"},
 "sessionCredentialFromConsole":true,"edgeDeviceDetails":"edge",
 "tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"ec2.eu-west-1.amazonaws.com"}
})";

TEST(CloudTrailFields, CountsMatchThePlugin) {
  std::map<std::string, int> by_prefix;
  for (const FieldInfo& f : SourceFields(Source::kAwsCloudTrail)) {
    by_prefix[std::string(f.name.substr(0, f.name.find('.')))]++;
  }
  EXPECT_EQ(by_prefix["ct"], 57);
  EXPECT_EQ(by_prefix["s3"], 9);
  EXPECT_EQ(by_prefix["ec2"], 3);
  EXPECT_EQ(by_prefix["ecr"], 2);
  EXPECT_EQ(by_prefix["iam"], 2);
  EXPECT_EQ(SourceFields(Source::kAwsCloudTrail).size(), 73u);
  EXPECT_EQ(SourceFields(Source::kGcpAuditLog).size(), 25u);
  std::set<std::string_view> names;
  for (int s = 0; s < kSourceCount; ++s) {
    for (const FieldInfo& f : SourceFields(static_cast<Source>(s))) {
      EXPECT_TRUE(names.insert(f.name).second) << f.name;
      EXPECT_FALSE(f.description.empty()) << f.name;
    }
  }
}

TEST(CloudTrailFields, FullEvent) {
  TestEvent ev(Source::kAwsCloudTrail, kFullCt);
  ASSERT_TRUE(ev.ok());
  const std::map<std::string, std::string> want = {
      {"ct.id", "e-1"},
      {"ct.error", "AccessDenied"},
      {"ct.errormessage", "denied"},
      {"ct.time", "2025-01-02T03:04:05Z"},
      {"ct.src", "ec2.amazonaws.com"},
      {"ct.shortsrc", "ec2"},
      {"ct.name", "RunInstances"},
      {"ct.user", "Dev"},
      {"ct.originaluser", "dev-session"},
      {"ct.user.accountid", "111"},
      {"ct.user.identitytype", "AssumedRole"},
      {"ct.user.principalid", "AROA1:dev-session"},
      {"ct.user.arn", "arn:aws:sts::111:assumed-role/Dev/dev-session"},
      {"ct.region", "eu-west-1"},
      {"ct.srcip", "198.51.100.7"},
      {"ct.useragent", "aws-cli/2"},
      {"ct.response.subnetid", "sub-2"},
      {"ct.response.reservationid", "r-1"},
      {"ct.request.availabilityzone", "eu-west-1a"},
      {"ct.request.cluster", "c1"},
      {"ct.request.functionname", "f1"},
      {"ct.request.groupname", "g1"},
      {"ct.request.host", "h1"},
      {"ct.request.name", "n1"},
      {"ct.request.policy", "p1"},
      {"ct.request.reason", "r1"},
      {"ct.request.target", "t1"},
      {"ct.request.serialnumber", "s1"},
      {"ct.request.servicename", "svc"},
      {"ct.request.subnetid", "sub-1"},
      {"ct.request.taskdefinition", "td1"},
      {"ct.request.username", "u1"},
      {"ct.request.documentname", "doc1"},
      {"ct.info", "Dev via 198.51.100.7 !→ RunInstances Size=123 URI=s3://bkt/k/1"},
      {"ct.managementevent", "true"},
      {"ct.readonly", "false"},
      {"ct.requestid", "req-1"},
      {"ct.eventtype", "AwsApiCall"},
      {"ct.apiversion", "2016-11-15"},
      {"ct.resources", R"({"ARN":"arn:1","type":"AWS::EC2::Instance"},{"ARN":"arn:2"})"},
      {"ct.recipientaccountid", "222"},
      {"ct.serviceeventdetails", R"({"x":1})"},
      {"ct.sharedeventid", "sh-1"},
      {"ct.vpcendpointid", "vpce-1"},
      {"ct.eventcategory", "Management"},
      {"ct.addendum.reason", "DELIVERY_DELAY"},
      {"ct.addendum.updatedfields", "f"},
      {"ct.addendum.originalrequestid", "oreq"},
      {"ct.addendum.originaleventid", "oev"},
      {"ct.sessioncredentialfromconsole", "true"},
      {"ct.edgedevicedetails", "edge"},
      {"ct.tlsdetails.tlsversion", "TLSv1.3"},
      {"ct.tlsdetails.ciphersuite", "TLS_AES_128_GCM_SHA256"},
      {"ct.tlsdetails.clientprovidedhostheader", "ec2.eu-west-1.amazonaws.com"},
      {"ct.additionaleventdata", R"({"bytesTransferredIn":100,"bytesTransferredOut":23.7})"},
      {"s3.uri", "s3://bkt/k/1"},
      {"s3.bucket", "bkt"},
      {"s3.key", "k/1"},
      {"s3.bytes", "123"},
      {"s3.bytes.in", "100"},
      {"s3.bytes.out", "23"},
      {"s3.cnt.get", "<NA>"},
      {"s3.cnt.put", "<NA>"},
      {"s3.cnt.other", "1"},
      {"ec2.name", "web-1"},
      {"ec2.imageid", "ami-1"},
      {"ec2.imageids", "(ami-1,ami-2)"},
      {"ecr.repository", "repo"},
      {"ecr.imagetag", "v1"},
      {"iam.role", "role1"},
      {"iam.policy", "pol1"},
  };
  for (const FieldInfo& f : SourceFields(Source::kAwsCloudTrail)) {
    if (f.name == "ct.request" || f.name == "ct.response") continue;  // checked below
    auto it = want.find(std::string(f.name));
    ASSERT_TRUE(it != want.end()) << "no expectation for " << f.name;
    EXPECT_EQ(Field(ev, "%" + std::string(f.name)), it->second) << f.name;
  }
  EXPECT_EQ(Field(ev, "%ec2.imageids[1]"), "ami-2");
  EXPECT_EQ(Field(ev, "%ec2.imageids[5]"), "<NA>");
  EXPECT_NE(Field(ev, "%ct.request").find("\"availabilityZone\":\"eu-west-1a\""),
            std::string::npos);
  EXPECT_NE(Field(ev, "%ct.response").find("\"reservationId\":\"r-1\""), std::string::npos);
}

TEST(CloudTrailFields, EmptyEventIsAbsentEverywhere) {
  TestEvent ev(Source::kAwsCloudTrail, "{}");
  for (const FieldInfo& f : SourceFields(Source::kAwsCloudTrail)) {
    std::string v = Field(ev, "%" + std::string(f.name));
    if (f.name == "ct.info") {
      EXPECT_EQ(v, "<invalid cloudtrail event: userIdentity field missing>");
    } else {
      EXPECT_EQ(v, "<NA>") << f.name;
    }
  }
}

TEST(CloudTrailFields, NonStringValues) {
  TestEvent ev(Source::kAwsCloudTrail,
               R"({"eventName":5,"requestParameters":{"policy":{"Statement":[1]},
    "userName":null,"name":true},"responseElements":null,"readOnly":"yes",
    "userIdentity":{"type":"Root","userName":7}})");
  EXPECT_EQ(Field(ev, "%ct.name"), "");                                // number: present, empty
  EXPECT_EQ(Field(ev, "%ct.request.policy"), R"({"Statement":[1]})");  // kumo: JSON text
  EXPECT_EQ(Field(ev, "%ct.request.username"), "");                    // null: present, empty
  EXPECT_EQ(Field(ev, "%ct.request.name"), "");
  EXPECT_EQ(Field(ev, "%ct.response"), "null");
  EXPECT_EQ(Field(ev, "%ct.readonly"), "false");  // not a boolean
  EXPECT_EQ(Field(ev, "%ct.user"), "");
  EXPECT_EQ(Field(ev, "%ct.response.subnetid"), "<NA>");  // parent is null
}

TEST(CloudTrailFields, UserByIdentityType) {
  auto user = [](const std::string& ui) {
    TestEvent ev(Source::kAwsCloudTrail, "{\"userIdentity\":" + ui + "}");
    return Field(ev, "%ct.user|%ct.originaluser");
  };
  EXPECT_EQ(user(R"({"type":"IAMUser","userName":"bob"})"), "bob|bob");
  EXPECT_EQ(user(R"({"type":"Root","userName":"root"})"), "root|root");
  EXPECT_EQ(user(R"({"type":"AWSService","invokedBy":"lambda.amazonaws.com"})"),
            "lambda.amazonaws.com|<NA>");
  EXPECT_EQ(user(R"({"type":"AssumedRole","principalId":"AROA:sess"})"), "AssumedRole|sess");
  EXPECT_EQ(user(R"({"type":"AWSAccount"})"), "AWSAccount|<NA>");
  EXPECT_EQ(user(R"({"type":"FederatedUser"})"), "FederatedUser|<NA>");
  EXPECT_EQ(user(R"({"type":"IdentityCenterUser"})"), "<NA>|<NA>");
  EXPECT_EQ(user(R"({"type":"IAMUser"})"), "<NA>|<NA>");
}

TEST(CloudTrailFields, S3Counters) {
  TestEvent get(Source::kAwsCloudTrail, R"({"eventName":"GetObject"})");
  EXPECT_EQ(Field(get, "%s3.cnt.get %s3.cnt.put %s3.cnt.other"), "1 <NA> <NA>");
  TestEvent put(Source::kAwsCloudTrail, R"({"eventName":"PutObject"})");
  EXPECT_EQ(Field(put, "%s3.cnt.get %s3.cnt.put %s3.cnt.other"), "<NA> 1 <NA>");
  TestEvent in_only(Source::kAwsCloudTrail, R"({"additionalEventData":{"bytesTransferredIn":4}})");
  EXPECT_EQ(Field(in_only, "%s3.bytes %s3.bytes.in %s3.bytes.out"), "4 4 <NA>");
}

TEST(CloudTrailFields, ImageIdFallbacks) {
  TestEvent a(Source::kAwsCloudTrail, R"({"requestParameters":{"imageId":"ami-req"}})");
  EXPECT_EQ(Field(a, "%ec2.imageid %ec2.imageids[0]"), "ami-req ami-req");
  TestEvent b(Source::kAwsCloudTrail,
              R"({"requestParameters":{"launchSpecification":{"imageId":"ami-ls"}}})");
  EXPECT_EQ(Field(b, "%ec2.imageid"), "ami-ls");
  TestEvent c(
      Source::kAwsCloudTrail,
      R"({"requestParameters":{"DescribeFastLaunchImagesRequest":{"ImageId":{"content":"ami-fl"}}}})");
  EXPECT_EQ(Field(c, "%ec2.imageid"), "ami-fl");
}

const char* kGcp =
    R"({"logName":"projects/p/logs/cloudaudit.googleapis.com%2Factivity","timestamp":"2025-01-02T03:04:05.1Z",
 "resource":{"type":"gcs_bucket","labels":{"project_id":"demo","bucket_name":"bk","zone":"us-central1-a","function_name":"fn",
   "database_id":"db","instance_id":"i1","network_id":"n1","subnetwork_name":"sn","subnetwork_id":"sid","zone_name":"z1",
   "email_id":"sa@demo.iam.gserviceaccount.com","unique_id":"u1","name":"sink1"}},
 "protoPayload":{"serviceName":"storage.googleapis.com","methodName":"storage.setIamPermissions","resourceName":"projects/_/buckets/bk",
  "authenticationInfo":{"principalEmail":"alice@example.com"},
  "requestMetadata":{"callerIp":"203.0.113.9","callerSuppliedUserAgent":"gcloud"},
  "authorizationInfo":[{"permission":"storage.buckets.setIamPolicy","granted":true}],
  "request":{"policy":{"bindings":[]}},
  "serviceData":{"policyDelta":{"bindingDeltas":[{"action":"ADD","role":"roles/storage.objectViewer","member":"allUsers"}]}}}})";

TEST(GcpFields, FullEvent) {
  TestEvent ev(Source::kGcpAuditLog, kGcp);
  const std::map<std::string, std::string> want = {
      {"gcp.user", "alice@example.com"},
      {"gcp.callerIP", "203.0.113.9"},
      {"gcp.userAgent", "gcloud"},
      {"gcp.authorizationInfo",
       R"([{"permission":"storage.buckets.setIamPolicy","granted":true}])"},
      {"gcp.serviceName", "storage.googleapis.com"},
      {"gcp.policyDelta",
       R"([{"action":"ADD","role":"roles/storage.objectViewer","member":"allUsers"}])"},
      {"gcp.request", R"({"policy":{"bindings":[]}})"},
      {"gcp.methodName", "storage.setIamPermissions"},
      {"gcp.cloudfunctions.function", "fn"},
      {"gcp.cloudsql.databaseId", "db"},
      {"gcp.compute.instanceId", "i1"},
      {"gcp.compute.networkId", "n1"},
      {"gcp.compute.subnetwork", "sn"},
      {"gcp.compute.subnetworkId", "sid"},
      {"gcp.dns.zone", "z1"},
      {"gcp.iam.serviceAccount", "sa@demo.iam.gserviceaccount.com"},
      {"gcp.iam.serviceAccountId", "u1"},
      {"gcp.location", "us-central1"},
      {"gcp.logging.sink", "<NA>"},
      {"gcp.projectId", "demo"},
      {"gcp.resourceName", "projects/_/buckets/bk"},
      {"gcp.resourceType", "gcs_bucket"},
      {"gcp.storage.bucket", "bk"},
      {"gcp.time", "2025-01-02T03:04:05.1Z"},
  };
  for (const FieldInfo& f : SourceFields(Source::kGcpAuditLog)) {
    if (f.name == "gcp.resourceLabels") continue;
    auto it = want.find(std::string(f.name));
    ASSERT_TRUE(it != want.end()) << f.name;
    EXPECT_EQ(Field(ev, "%" + std::string(f.name)), it->second) << f.name;
  }
  EXPECT_EQ(Field(ev, "%gcp.resourceLabels").substr(0, 23), R"({"project_id":"demo","b)");
  TestEvent empty(Source::kGcpAuditLog, "{}");
  for (const FieldInfo& f : SourceFields(Source::kGcpAuditLog)) {
    EXPECT_EQ(Field(empty, "%" + std::string(f.name)), "<NA>") << f.name;
  }
}

TEST(GcpFields, LocationAndSinkAndDeltaFallbacks) {
  TestEvent a(
      Source::kGcpAuditLog,
      R"({"resource":{"type":"logging_sink","labels":{"name":"s","location":"eu","region":"r"}},
                  "protoPayload":{"metadata":{"datasetChange":{"bindingDeltas":[{"action":"REMOVE"}]}}}})");
  EXPECT_EQ(Field(a, "%gcp.location %gcp.logging.sink %gcp.policyDelta"),
            R"(eu s [{"action":"REMOVE"}])");
  TestEvent b(Source::kGcpAuditLog, R"({"resource":{"labels":{"region":"us-east4"}}})");
  EXPECT_EQ(Field(b, "%gcp.location"), "us-east4");
}

const char* kAzDiag =
    R"({"time":"2025-01-02T03:04:05.0000000Z","resourceId":"/SUBSCRIPTIONS/AB12/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/9F1C",
 "operationName":"MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE","category":"Administrative","resultType":"Success",
 "resultSignature":"Succeeded.Created","callerIpAddress":"203.0.113.9","correlationId":"c-1","level":"Information","tenantId":"t-1",
 "identity":{"authorization":{"evidence":{"principalId":"p-9"}},"claims":{"name":"alice@contoso.com"}},
 "properties":{"requestbody":"{\"Properties\":{\"RoleDefinitionId\":\"/subscriptions/0/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\"}}"}})";

const char* kAzRest =
    R"({"caller":"bob@contoso.com","claims":{"ipaddr":"198.51.100.1"},"correlationId":"c-2",
 "category":{"value":"Administrative"},"eventTimestamp":"2025-01-02T03:04:05Z","level":"Informational",
 "operationName":{"value":"Microsoft.Authorization/roleAssignments/write","localizedValue":"Create role assignment"},
 "resourceGroupName":"rg2","resourceProviderName":{"value":"Microsoft.Authorization"},"resourceId":"/subscriptions/cd34/resourceGroups/rg2/x",
 "status":{"value":"Succeeded"},"subStatus":{"value":"Created"},"subscriptionId":"cd34","tenantId":"t-2",
 "authorization":{"evidence":{"principalId":"p-1"}},"properties":{"statusCode":"Created"}})";

TEST(AzureFields, DiagnosticShape) {
  TestEvent ev(Source::kAzureActivity, kAzDiag);
  EXPECT_EQ(
      Field(ev, "%az.operation|%az.category|%az.result|%az.resultsignature|%az.level"),
      "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE|Administrative|Success|Succeeded.Created|"
      "Information");
  EXPECT_EQ(Field(ev, "%az.caller|%az.callerip|%az.subscription|%az.resourcegroup|%az.provider"),
            "alice@contoso.com|203.0.113.9|ab12|rg1|MICROSOFT.AUTHORIZATION");
  EXPECT_EQ(Field(ev, "%az.correlationid|%az.tenant|%az.time|%az.principalid|%az.roledefinitionid"),
            "c-1|t-1|2025-01-02T03:04:05.0000000Z|p-9|8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
  EXPECT_EQ(Field(ev, "%az.claims"), R"({"name":"alice@contoso.com"})");
  EXPECT_EQ(Field(ev, "%az.requestbody").substr(0, 14), R"({"Properties":)");
}

TEST(AzureFields, RestShape) {
  TestEvent ev(Source::kAzureActivity, kAzRest, /*azure_rest=*/true);
  EXPECT_EQ(Field(ev, "%az.operation|%az.category|%az.result|%az.resultsignature|%az.level"),
            "Microsoft.Authorization/roleAssignments/write|Administrative|Succeeded|Created|"
            "Informational");
  EXPECT_EQ(Field(ev, "%az.caller|%az.callerip|%az.subscription|%az.resourcegroup|%az.provider"),
            "bob@contoso.com|198.51.100.1|cd34|rg2|Microsoft.Authorization");
  EXPECT_EQ(Field(ev, "%az.time|%az.principalid|%az.roledefinitionid|%az.properties"),
            R"(2025-01-02T03:04:05Z|p-1|<NA>|{"statusCode":"Created"})");
  TestEvent empty(Source::kAzureActivity, "{}");
  for (const FieldInfo& f : SourceFields(Source::kAzureActivity)) {
    EXPECT_EQ(Field(empty, "%" + std::string(f.name)), "<NA>") << f.name;
  }
}

TEST(CommonFields, EvtAndJson) {
  TestEvent ev(Source::kAwsCloudTrail, R"({"a":{"b":[1,{"c~d/e":"x"}]},"n":null})");
  EXPECT_EQ(Field(ev, "%evt.num %evt.time %evt.time.s"), "7 03:04:05.123456789 03:04:05");
  EXPECT_EQ(Field(ev, "%evt.time.iso8601|%evt.datetime|%evt.datetime.s"),
            "2025-01-02T03:04:05.123456789Z|2025-01-02 03:04:05.123456789|2025-01-02 03:04:05");
  EXPECT_EQ(Field(ev, "%evt.rawtime %evt.rawtime.s %evt.rawtime.ns"),
            "1735787045123456789 1735787045 123456789");
  EXPECT_EQ(Field(ev, "%evt.reltime %evt.reltime.s %evt.reltime.ns"), "1500000000 1 500000000");
  EXPECT_EQ(Field(ev, "%evt.pluginname %evt.source %evt.is_async %evt.asynctype %evt.hostname"),
            "cloudtrail aws_cloudtrail 0 <NA> host1");
  EXPECT_EQ(Field(ev, "%json.value[/a/b/0] %json.value[/a/b/1/c~0d~1e] %json.value[/n]"),
            "1 x null");
  EXPECT_EQ(Field(ev, "%jevt.value[/a/b]"), R"([1,{"c~d/e":"x"}])");
  EXPECT_EQ(Field(ev, "%json.value[/zz]"), "<NA>");
  EXPECT_EQ(Field(ev, "%json.rawtime"), "1735787045123456789");
  EXPECT_EQ(Field(ev, "%json.obj"),
            "{\n    \"a\": {\n        \"b\": [\n            1,\n            {\n                "
            "\"c~d/e\": \"x\"\n            }\n        ]\n    },\n    \"n\": null\n}");
}

TEST(Time, Rfc3339) {
  int64_t ns = 0;
  EXPECT_TRUE(ParseRfc3339("1970-01-01T00:00:01Z", &ns));
  EXPECT_EQ(ns, 1000000000);
  EXPECT_TRUE(ParseRfc3339("1970-01-01T01:00:00+01:00", &ns));
  EXPECT_EQ(ns, 0);
  EXPECT_TRUE(ParseRfc3339("2025-01-02T03:04:05.0000000Z", &ns));
  EXPECT_FALSE(ParseRfc3339("2025-01-02 nope", &ns));
  EXPECT_FALSE(ParseRfc3339("Jan 2, 2025 3:04:05 AM", &ns));
  // ns since the epoch overflow int64 after 2262-04-11: such times are invalid.
  EXPECT_TRUE(ParseRfc3339("2200-01-01T00:00:00Z", &ns));
  EXPECT_FALSE(ParseRfc3339("9999-12-31T23:59:59Z", &ns));
  EXPECT_FALSE(ParseRfc3339("0001-01-01T00:00:00Z", &ns));
}

}  // namespace
}  // namespace kumo::detect
