#include "detect/fields.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace kumo::detect {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

element Root(EvalContext& c) { return c.event().root; }

// Falco's plugins' generic rule: a string yields its text; anything else
// yields "" (present). kumo's divergence (§5.1): objects and arrays yield
// their compact JSON text instead.
void AddGeneric(EvalContext& c, element e, FieldValues* out) {
  switch (e.type()) {
    case element_type::STRING:
      out->AddString(std::string_view(e.get_string().value_unsafe()));
      return;
    case element_type::OBJECT:
    case element_type::ARRAY: {
      std::string* s = c.Scratch();
      AppendCompactJson(e, s);
      out->AddString(*s);
      return;
    }
    default: out->AddString("");
  }
}

// Like AddGeneric, but every non-string value yields its JSON text (json
// plugin and azure fields).
void AddJsonText(EvalContext& c, element e, FieldValues* out) {
  if (e.type() == element_type::STRING) {
    out->AddString(std::string_view(e.get_string().value_unsafe()));
    return;
  }
  std::string* s = c.Scratch();
  AppendCompactJson(e, s);
  out->AddString(*s);
}

void PathGeneric(EvalContext& c, std::initializer_list<std::string_view> path, FieldValues* out) {
  element e;
  if (GetPath(Root(c), path, &e)) AddGeneric(c, e, out);
}

bool PathString(EvalContext& c, std::initializer_list<std::string_view> path, std::string_view* s) {
  element e;
  if (!GetPath(Root(c), path, &e)) return false;
  if (e.type() != element_type::STRING) {
    *s = "";
    return true;
  }
  *s = e.get_string().value_unsafe();
  return true;
}

#define KUMO_PATH(...) \
  [](EvalContext& c, std::string_view, FieldValues* o) { PathGeneric(c, {__VA_ARGS__}, o); }

// ---------------------------------------------------------------- cloudtrail

void CtUser(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view type;
  element t;
  if (!GetPath(Root(c), {"userIdentity", "type"}, &t) || t.type() != element_type::STRING) return;
  type = t.get_string().value_unsafe();
  if (type == "Root" || type == "IAMUser") {
    PathGeneric(c, {"userIdentity", "userName"}, o);
  } else if (type == "AWSService") {
    PathGeneric(c, {"userIdentity", "invokedBy"}, o);
  } else if (type == "AssumedRole") {
    element e;
    if (GetPath(Root(c), {"userIdentity", "sessionContext", "sessionIssuer", "userName"}, &e)) {
      AddGeneric(c, e, o);
    } else {
      o->AddString("AssumedRole");
    }
  } else if (type == "AWSAccount") {
    o->AddString("AWSAccount");
  } else if (type == "FederatedUser") {
    o->AddString("FederatedUser");
  }
}

void CtOriginalUser(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view type;
  if (!PathString(c, {"userIdentity", "type"}, &type)) return;
  if (type == "AssumedRole") {
    std::string_view arn;
    if (PathString(c, {"userIdentity", "arn"}, &arn)) {
      size_t first = arn.find('/');
      size_t second = first == std::string_view::npos ? first : arn.find('/', first + 1);
      if (second != std::string_view::npos && arn.find('/', second + 1) == std::string_view::npos) {
        o->AddString(arn.substr(second + 1));
        return;
      }
    }
    std::string_view pid;
    if (PathString(c, {"userIdentity", "principalId"}, &pid)) {
      size_t colon = pid.find(':');
      if (colon != std::string_view::npos) o->AddString(pid.substr(colon + 1));
    }
    return;
  }
  PathGeneric(c, {"userIdentity", "userName"}, o);
}

void CtAccountId(EvalContext& c, std::string_view, FieldValues* o) {
  element e;
  if (GetPath(Root(c), {"userIdentity", "accountId"}, &e) ||
      GetPath(Root(c), {"recipientAccountId"}, &e)) {
    AddGeneric(c, e, o);
  }
}

void CtShortSrc(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view s;
  if (!PathString(c, {"eventSource"}, &s)) return;
  constexpr std::string_view kTrailer = ".amazonaws.com";
  if (s.size() > kTrailer.size() && s.substr(s.size() - kTrailer.size()) == kTrailer) {
    s.remove_suffix(kTrailer.size());
  }
  o->AddString(s);
}

// Whole sub-objects as JSON text; JSON null gives the text "null".
void JsonTextAt(EvalContext& c, std::string_view key, FieldValues* o) {
  element e;
  if (GetPath(Root(c), {key}, &e)) AddJsonText(c, e, o);
}

void BoolText(EvalContext& c, std::string_view key, FieldValues* o) {
  element e;
  if (!GetPath(Root(c), {key}, &e)) return;
  bool b = e.type() == element_type::BOOL && e.get_bool().value_unsafe();
  o->AddString(b ? "true" : "false");
}

void CtResources(EvalContext& c, std::string_view, FieldValues* o) {
  element e;
  if (!GetPath(Root(c), {"resources"}, &e) || e.type() != element_type::ARRAY) return;
  std::string* s = c.Scratch();
  bool first = true;
  for (element r : AsArray(e)) {
    if (!first) s->push_back(',');
    first = false;
    AppendCompactJson(r, s);
  }
  if (!first) o->AddString(*s);
}

// uint64 from a JSON number, truncating floats, as the plugin does.
bool NumberAsUint(element e, uint64_t* out) {
  switch (e.type()) {
    case element_type::UINT64: *out = e.get_uint64().value_unsafe(); return true;
    case element_type::INT64:
      *out = static_cast<uint64_t>(e.get_int64().value_unsafe());
      return true;
    case element_type::DOUBLE: {
      double d = e.get_double().value_unsafe();
      *out = d > 0 && std::isfinite(d) ? static_cast<uint64_t>(d) : 0;
      return true;
    }
    default: return false;
  }
}

bool S3Bytes(EvalContext& c, std::string_view which, uint64_t* v) {
  element e;
  return GetPath(Root(c), {"additionalEventData", which}, &e) && NumberAsUint(e, v);
}

void S3BytesTotal(EvalContext& c, std::string_view, FieldValues* o) {
  uint64_t in = 0, out = 0;
  bool has_in = S3Bytes(c, "bytesTransferredIn", &in);
  bool has_out = S3Bytes(c, "bytesTransferredOut", &out);
  if (has_in || has_out) o->AddUint(in + out);
}

void S3Uri(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view bucket, key;
  if (!PathString(c, {"requestParameters", "bucketName"}, &bucket) ||
      !PathString(c, {"requestParameters", "key"}, &key)) {
    return;
  }
  std::string* s = c.Scratch();
  s->append("s3://").append(bucket).append("/").append(key);
  o->AddString(*s);
}

void S3Count(EvalContext& c, std::string_view which, FieldValues* o) {
  std::string_view name;
  if (!PathString(c, {"eventName"}, &name)) return;
  bool get = name == "GetObject", put = name == "PutObject";
  if ((which == "get" && get) || (which == "put" && put) || (which == "other" && !get && !put)) {
    o->AddUint(1);
  }
}

void Ec2Name(EvalContext& c, std::string_view, FieldValues* o) {
  element items;
  if (!GetPath(Root(c), {"requestParameters", "tagSpecificationSet", "items"}, &items) ||
      items.type() != element_type::ARRAY) {
    return;
  }
  for (element spec : AsArray(items)) {
    element rt, tags;
    if (!GetPath(spec, {"resourceType"}, &rt) || rt.type() != element_type::STRING ||
        std::string_view(rt.get_string().value_unsafe()) != "instance") {
      continue;
    }
    if (!GetPath(spec, {"tags"}, &tags) || tags.type() != element_type::ARRAY) continue;
    for (element tag : AsArray(tags)) {
      element k, v;
      if (GetPath(tag, {"key"}, &k) && k.type() == element_type::STRING &&
          std::string_view(k.get_string().value_unsafe()) == "Name" &&
          GetPath(tag, {"value"}, &v)) {
        AddGeneric(c, v, o);
        return;
      }
    }
  }
}

void Ec2ImageIdsAll(EvalContext& c, FieldValues* o) {
  element items;
  if (GetPath(Root(c), {"responseElements", "instancesSet", "items"}, &items) &&
      items.type() == element_type::ARRAY && AsArray(items).size() > 0) {
    for (element it : AsArray(items)) {
      element id;
      if (GetPath(it, {"imageId"}, &id)) AddGeneric(c, id, o);
    }
    return;
  }
  element e;
  if (GetPath(Root(c), {"requestParameters", "imageId"}, &e) ||
      GetPath(Root(c),
              {"requestParameters", "DescribeFastLaunchImagesRequest", "ImageId", "content"}, &e) ||
      GetPath(Root(c), {"requestParameters", "launchSpecification", "imageId"}, &e)) {
    AddGeneric(c, e, o);
  }
}

void Ec2ImageIds(EvalContext& c, std::string_view arg, FieldValues* o) {
  Ec2ImageIdsAll(c, o);
  if (arg.empty()) return;
  size_t idx = 0;
  for (char ch : arg) idx = idx * 10 + static_cast<size_t>(ch - '0');
  if (idx >= o->items.size()) {
    o->clear();
    return;
  }
  FieldItem keep = o->items[idx];
  o->clear();
  o->items.push_back(keep);
}

void Ec2ImageId(EvalContext& c, std::string_view, FieldValues* o) { Ec2ImageIds(c, "0", o); }

// ct.info: "user [via srcip] [!]←|→ eventName" plus S3/host details.
void CtInfo(EvalContext& c, std::string_view, FieldValues* o) {
  FieldValues user, ip, err, ro, name;  // small, cold path (outputs only)
  CtUser(c, "", &user);
  std::string* s = c.Scratch();
  if (!user.present()) {
    o->AddString("<invalid cloudtrail event: userIdentity field missing>");
    return;
  }
  PathGeneric(c, {"sourceIPAddress"}, &ip);
  if (!ip.present()) {
    o->AddString("<invalid cloudtrail event: eventSource field missing>");
    return;
  }
  PathGeneric(c, {"errorCode"}, &err);
  BoolText(c, "readOnly", &ro);
  PathGeneric(c, {"eventName"}, &name);
  if (!name.present()) {
    o->AddString("<invalid cloudtrail event: eventName field missing>");
    return;
  }
  std::string_view rw = ro.present() && ro.items[0].s == "false" ? "→" : "←";
  s->append(user.items[0].s);
  if (user.items[0].s != ip.items[0].s) s->append(" via ").append(ip.items[0].s);
  s->append(" ");
  if (err.present()) s->append("!");
  s->append(rw).append(" ").append(name.items[0].s);
  if (name.items[0].s == "PutBucketPublicAccessBlock") {
    element e;
    if (GetPath(Root(c), {"requestParameters", "PublicAccessBlockConfiguration"}, &e) &&
        e.type() == element_type::OBJECT) {
      // The plugin reads these flags from the record root, so they always
      // print false; kept for identical output.
      s->append(
          " BlockPublicAcls=false BlockPublicPolicy=false IgnorePublicAcls=false "
          "RestrictPublicBuckets=false ");
    }
    o->AddString(*s);
    return;
  }
  FieldValues bytes, v;
  S3BytesTotal(c, "", &bytes);
  if (bytes.present()) s->append(" Size=").append(std::to_string(bytes.items[0].u));
  S3Uri(c, "", &v);
  if (v.present()) {
    s->append(" URI=").append(v.items[0].s);
  } else if (PathGeneric(c, {"requestParameters", "bucketName"}, &v), v.present()) {
    s->append(" Bucket=").append(v.items[0].s);
  } else if (PathGeneric(c, {"requestParameters", "key"}, &v), v.present()) {
    s->append(" Key=").append(v.items[0].s);
  } else if (PathGeneric(c, {"requestParameters", "Host"}, &v), v.present()) {
    s->append(" Host=").append(v.items[0].s);
  }
  o->AddString(*s);
}

#define S(name, desc, fn) \
  FieldInfo { name, FieldType::kString, false, ArgKind::kNone, false, false, desc, fn }
#define SH(name, desc, fn) \
  FieldInfo { name, FieldType::kString, false, ArgKind::kNone, false, true, desc, fn }
#define U(name, desc, fn) \
  FieldInfo { name, FieldType::kUint64, false, ArgKind::kNone, false, false, desc, fn }
#define UH(name, desc, fn) \
  FieldInfo { name, FieldType::kUint64, false, ArgKind::kNone, false, true, desc, fn }

const FieldInfo kCloudTrailFields[] = {
    S("ct.id", "the unique ID of the cloudtrail event (eventID in the json).",
      KUMO_PATH("eventID")),
    S("ct.error", "The error code from the event (absent when there was no error).",
      KUMO_PATH("errorCode")),
    S("ct.errormessage", "The description of an error (absent when there was no error).",
      KUMO_PATH("errorMessage")),
    SH("ct.time", "the timestamp of the cloudtrail event (eventTime in the json).",
       KUMO_PATH("eventTime")),
    S("ct.src", "the source of the cloudtrail event (eventSource in the json).",
      KUMO_PATH("eventSource")),
    S("ct.shortsrc", "eventSource without the '.amazonaws.com' trailer.", CtShortSrc),
    S("ct.name", "the name of the cloudtrail event (eventName in the json).",
      KUMO_PATH("eventName")),
    S("ct.user", "the user of the cloudtrail event, by userIdentity.type.", CtUser),
    S("ct.originaluser",
      "the original user: the session name of an assumed role, else userIdentity.userName.",
      CtOriginalUser),
    S("ct.user.accountid",
      "the account id of the user (userIdentity.accountId, else recipientAccountId).", CtAccountId),
    S("ct.user.identitytype", "the kind of user identity (Root, IAMUser, AWSService, ...).",
      KUMO_PATH("userIdentity", "type")),
    S("ct.user.principalid", "A unique identifier for the user that made the request.",
      KUMO_PATH("userIdentity", "principalId")),
    S("ct.user.arn", "the ARN of the user that made the request.",
      KUMO_PATH("userIdentity", "arn")),
    S("ct.region", "the region of the cloudtrail event (awsRegion in the json).",
      KUMO_PATH("awsRegion")),
    S("ct.response.subnetid", "the subnet ID included in the response.",
      KUMO_PATH("responseElements", "subnetId")),
    S("ct.response.reservationid", "the reservation ID included in the response.",
      KUMO_PATH("responseElements", "reservationId")),
    S("ct.response", "All response elements, as JSON text.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        JsonTextAt(c, "responseElements", o);
      }),
    S("ct.request.availabilityzone", "the availability zone included in the request.",
      KUMO_PATH("requestParameters", "availabilityZone")),
    S("ct.request.cluster", "the cluster included in the request.",
      KUMO_PATH("requestParameters", "cluster")),
    S("ct.request.functionname", "the function name included in the request.",
      KUMO_PATH("requestParameters", "functionName")),
    S("ct.request.groupname", "the group name included in the request.",
      KUMO_PATH("requestParameters", "groupName")),
    S("ct.request.host", "the host included in the request (requestParameters.Host).",
      KUMO_PATH("requestParameters", "Host")),
    S("ct.request.name", "the name of the entity being acted on in the request.",
      KUMO_PATH("requestParameters", "name")),
    S("ct.request.policy", "the policy included in the request.",
      KUMO_PATH("requestParameters", "policy")),
    S("ct.request.reason", "the reason included in the request.",
      KUMO_PATH("requestParameters", "reason")),
    S("ct.request.target", "the target included in the request.",
      KUMO_PATH("requestParameters", "target")),
    S("ct.request.serialnumber", "the serial number provided in the request.",
      KUMO_PATH("requestParameters", "serialNumber")),
    S("ct.request.servicename", "the service name provided in the request.",
      KUMO_PATH("requestParameters", "serviceName")),
    S("ct.request.subnetid", "the subnet ID provided in the request.",
      KUMO_PATH("requestParameters", "subnetId")),
    S("ct.request.taskdefinition", "the task definition provided in the request.",
      KUMO_PATH("requestParameters", "taskDefinition")),
    S("ct.request.username", "the username provided in the request.",
      KUMO_PATH("requestParameters", "userName")),
    S("ct.request.documentname",
      "the document name in the request (kumo reads requestParameters.documentName).",
      KUMO_PATH("requestParameters", "documentName")),
    S("ct.request", "All request parameters, as JSON text.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        JsonTextAt(c, "requestParameters", o);
      }),
    S("ct.srcip", "the IP address generating the event (sourceIPAddress in the json).",
      KUMO_PATH("sourceIPAddress")),
    S("ct.useragent", "the user agent generating the event (userAgent in the json).",
      KUMO_PATH("userAgent")),
    S("ct.info", "summary information about the event.", CtInfo),
    S("ct.managementevent", "'true' if the event is a management event, 'false' otherwise.",
      [](EvalContext& c, std::string_view, FieldValues* o) { BoolText(c, "managementEvent", o); }),
    S("ct.readonly", "'true' if the event only reads information, 'false' if it modifies state.",
      [](EvalContext& c, std::string_view, FieldValues* o) { BoolText(c, "readOnly", o); }),
    S("ct.requestid", "The value that identifies the request.", KUMO_PATH("requestID")),
    S("ct.eventtype", "Identifies the type of event that generated the event record.",
      KUMO_PATH("eventType")),
    S("ct.apiversion", "The API version associated with the AwsApiCall eventType value.",
      KUMO_PATH("apiVersion")),
    S("ct.resources", "The resources accessed in the event, each as JSON, joined by ','.",
      CtResources),
    S("ct.recipientaccountid", "The account ID that received this event.",
      KUMO_PATH("recipientAccountId")),
    S("ct.serviceeventdetails",
      "Identifies the service event, including what triggered it and the result.",
      KUMO_PATH("serviceEventDetails")),
    S("ct.sharedeventid", "GUID generated by CloudTrail to uniquely identify CloudTrail events.",
      KUMO_PATH("sharedEventID")),
    S("ct.vpcendpointid", "Identifies the VPC endpoint in which requests were made.",
      KUMO_PATH("vpcEndpointId")),
    S("ct.eventcategory", "Shows the event category that is used in LookupEvents calls.",
      KUMO_PATH("eventCategory")),
    S("ct.addendum.reason", "The reason that the event or some of its contents were missing.",
      KUMO_PATH("addendum", "reason")),
    S("ct.addendum.updatedfields", "The event record fields that are updated by the addendum.",
      KUMO_PATH("addendum", "updatedFields")),
    S("ct.addendum.originalrequestid", "The original unique ID of the request.",
      KUMO_PATH("addendum", "originalRequestID")),
    S("ct.addendum.originaleventid", "The original event ID.",
      KUMO_PATH("addendum", "originalEventID")),
    S("ct.sessioncredentialfromconsole",
      "Whether the event originated from a console session ('true'/'false').",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        BoolText(c, "sessionCredentialFromConsole", o);
      }),
    S("ct.edgedevicedetails", "Information about edge devices that are targets of a request.",
      KUMO_PATH("edgeDeviceDetails")),
    S("ct.tlsdetails.tlsversion", "The TLS version of a request.",
      KUMO_PATH("tlsDetails", "tlsVersion")),
    S("ct.tlsdetails.ciphersuite", "The cipher suite of a request.",
      KUMO_PATH("tlsDetails", "cipherSuite")),
    S("ct.tlsdetails.clientprovidedhostheader",
      "The client-provided host name used in the service API call.",
      KUMO_PATH("tlsDetails", "clientProvidedHostHeader")),
    S("ct.additionaleventdata", "All additional event data attributes, as JSON text.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        JsonTextAt(c, "additionalEventData", o);
      }),
    S("s3.uri", "the s3 URI (s3://<bucket>/<key>).", S3Uri),
    S("s3.bucket", "the bucket name for s3 events.", KUMO_PATH("requestParameters", "bucketName")),
    S("s3.key", "the S3 key name.", KUMO_PATH("requestParameters", "key")),
    U("s3.bytes", "the size of an s3 download or upload, in bytes.", S3BytesTotal),
    UH("s3.bytes.in", "the size of an s3 upload, in bytes.",
       [](EvalContext& c, std::string_view, FieldValues* o) {
         uint64_t v;
         if (S3Bytes(c, "bytesTransferredIn", &v)) o->AddUint(v);
       }),
    UH("s3.bytes.out", "the size of an s3 download, in bytes.",
       [](EvalContext& c, std::string_view, FieldValues* o) {
         uint64_t v;
         if (S3Bytes(c, "bytesTransferredOut", &v)) o->AddUint(v);
       }),
    UH("s3.cnt.get", "1 for GetObject events (absent otherwise).",
       [](EvalContext& c, std::string_view, FieldValues* o) { S3Count(c, "get", o); }),
    UH("s3.cnt.put", "1 for PutObject events (absent otherwise).",
       [](EvalContext& c, std::string_view, FieldValues* o) { S3Count(c, "put", o); }),
    UH("s3.cnt.other", "1 for events other than GetObject/PutObject (absent otherwise).",
       [](EvalContext& c, std::string_view, FieldValues* o) { S3Count(c, "other", o); }),
    S("ec2.name", "the name of the ec2 instances, typically stored in the instance tags.", Ec2Name),
    S("ec2.imageid", "deprecated: ec2.imageids[0].", Ec2ImageId),
    FieldInfo{"ec2.imageids", FieldType::kString, true, ArgKind::kIndex, false, false,
              "the IDs of the images used to run the ec2 instances.", Ec2ImageIds},
    S("ecr.repository", "the name of the ecr Repository specified in the request.",
      KUMO_PATH("requestParameters", "repositoryName")),
    S("ecr.imagetag", "the tag of the image specified in the request.",
      KUMO_PATH("requestParameters", "imageTag")),
    S("iam.role", "the IAM role specified in the request.",
      KUMO_PATH("requestParameters", "roleName")),
    S("iam.policy", "the IAM policy specified in the request.",
      KUMO_PATH("requestParameters", "policyName")),
};

// ------------------------------------------------------------------ gcpaudit

void GcpLocation(EvalContext& c, std::string_view, FieldValues* o) {
  element e;
  if (GetPath(Root(c), {"resource", "labels", "location"}, &e) ||
      GetPath(Root(c), {"resource", "labels", "region"}, &e)) {
    AddGeneric(c, e, o);
    return;
  }
  std::string_view zone;
  if (PathString(c, {"resource", "labels", "zone"}, &zone)) {
    o->AddString(zone.size() >= 2 ? zone.substr(0, zone.size() - 2) : std::string_view());
  }
}

void GcpLoggingSink(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view type;
  if (PathString(c, {"resource", "type"}, &type) && type == "logging_sink") {
    PathGeneric(c, {"resource", "labels", "name"}, o);
  }
}

void GcpPolicyDelta(EvalContext& c, std::string_view, FieldValues* o) {
  element e;
  if (GetPath(Root(c), {"protoPayload", "serviceData", "policyDelta", "bindingDeltas"}, &e) ||
      GetPath(Root(c), {"protoPayload", "metadata", "datasetChange", "bindingDeltas"}, &e) ||
      GetPath(Root(c), {"protoPayload", "metadata", "bindingDeltas"}, &e)) {
    AddGeneric(c, e, o);
  }
}

const FieldInfo kGcpFields[] = {
    S("gcp.user", "the principal email of the caller.",
      KUMO_PATH("protoPayload", "authenticationInfo", "principalEmail")),
    S("gcp.callerIP", "the IP address of the caller.",
      KUMO_PATH("protoPayload", "requestMetadata", "callerIp")),
    S("gcp.userAgent", "the user agent of the caller.",
      KUMO_PATH("protoPayload", "requestMetadata", "callerSuppliedUserAgent")),
    S("gcp.authorizationInfo", "the authorization checks (JSON text).",
      KUMO_PATH("protoPayload", "authorizationInfo")),
    S("gcp.serviceName", "the API service name (e.g. iam.googleapis.com).",
      KUMO_PATH("protoPayload", "serviceName")),
    S("gcp.policyDelta", "the IAM policy binding deltas (JSON text).", GcpPolicyDelta),
    S("gcp.request", "the request body (JSON text).", KUMO_PATH("protoPayload", "request")),
    S("gcp.methodName", "the API method name.", KUMO_PATH("protoPayload", "methodName")),
    S("gcp.cloudfunctions.function", "the Cloud Function name.",
      KUMO_PATH("resource", "labels", "function_name")),
    S("gcp.cloudsql.databaseId", "the Cloud SQL database id.",
      KUMO_PATH("resource", "labels", "database_id")),
    S("gcp.compute.instanceId", "the Compute Engine instance id.",
      KUMO_PATH("resource", "labels", "instance_id")),
    S("gcp.compute.networkId", "the VPC network id.",
      KUMO_PATH("resource", "labels", "network_id")),
    S("gcp.compute.subnetwork", "the subnetwork name.",
      KUMO_PATH("resource", "labels", "subnetwork_name")),
    S("gcp.compute.subnetworkId", "the subnetwork id.",
      KUMO_PATH("resource", "labels", "subnetwork_id")),
    S("gcp.dns.zone", "the Cloud DNS zone name.", KUMO_PATH("resource", "labels", "zone_name")),
    S("gcp.iam.serviceAccount", "the service account email.",
      KUMO_PATH("resource", "labels", "email_id")),
    S("gcp.iam.serviceAccountId", "the service account unique id.",
      KUMO_PATH("resource", "labels", "unique_id")),
    S("gcp.location", "the location (labels.location, .region, or .zone without its suffix).",
      GcpLocation),
    S("gcp.logging.sink", "the logging sink name (resource type logging_sink).", GcpLoggingSink),
    S("gcp.projectId", "the project id.", KUMO_PATH("resource", "labels", "project_id")),
    S("gcp.resourceName", "the resource name (protoPayload.resourceName).",
      KUMO_PATH("protoPayload", "resourceName")),
    S("gcp.resourceType", "the monitored resource type.", KUMO_PATH("resource", "type")),
    S("gcp.resourceLabels", "the resource labels (JSON text).", KUMO_PATH("resource", "labels")),
    S("gcp.storage.bucket", "the Cloud Storage bucket name.",
      KUMO_PATH("resource", "labels", "bucket_name")),
    S("gcp.time", "the log entry timestamp.", KUMO_PATH("timestamp")),
};

// ------------------------------------------------------------------- azure

bool AzRest(EvalContext& c) { return c.event().azure_rest; }

// A value that is a plain string in exports and {value: ...} in REST.
void AzValueOrString(EvalContext& c, std::string_view key, FieldValues* o) {
  element e;
  if (!GetPath(Root(c), {key}, &e)) return;
  if (e.type() == element_type::OBJECT) {
    element v;
    if (GetPath(e, {"value"}, &v)) AddJsonText(c, v, o);
    return;
  }
  AddJsonText(c, e, o);
}

void AzJsonPath(EvalContext& c, std::initializer_list<std::string_view> path, FieldValues* o) {
  element e;
  if (GetPath(Root(c), path, &e)) AddJsonText(c, e, o);
}

#define AZ_PATH(...) \
  [](EvalContext& c, std::string_view, FieldValues* o) { AzJsonPath(c, {__VA_ARGS__}, o); }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// The path segment that follows `after` (case-insensitive) in an ARM id.
std::string_view ArmSegment(std::string_view id, std::string_view after) {
  size_t pos = 0;
  while (pos < id.size()) {
    size_t slash = id.find('/', pos);
    if (slash == std::string_view::npos) slash = id.size();
    std::string_view seg = id.substr(pos, slash - pos);
    if (IEquals(seg, after)) {
      size_t start = slash + 1;
      if (start > id.size()) return {};
      size_t end = id.find('/', start);
      return id.substr(start, end == std::string_view::npos ? id.size() - start : end - start);
    }
    pos = slash + 1;
  }
  return {};
}

void AzLowerArmSegment(EvalContext& c, std::string_view after, std::string_view rest_key,
                       FieldValues* o) {
  if (AzRest(c)) {
    AzJsonPath(c, {rest_key}, o);
    return;
  }
  std::string_view id;
  if (!PathString(c, {"resourceId"}, &id)) return;
  std::string_view seg = ArmSegment(id, after);
  if (seg.empty()) return;
  std::string* s = c.Scratch();
  for (char ch : seg) s->push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  o->AddString(*s);
}

void AzCaller(EvalContext& c, std::string_view, FieldValues* o) {
  if (!AzRest(c)) {
    element e;
    if (GetPath(Root(c), {"identity", "claims", "name"}, &e) ||
        GetPath(Root(c),
                {"identity", "claims", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"},
                &e)) {
      AddJsonText(c, e, o);
      return;
    }
  }
  AzJsonPath(c, {"caller"}, o);
}

void AzCallerIp(EvalContext& c, std::string_view, FieldValues* o) {
  element e;
  if (AzRest(c)) {
    if (GetPath(Root(c), {"httpRequest", "clientIpAddress"}, &e) ||
        GetPath(Root(c), {"claims", "ipaddr"}, &e)) {
      AddJsonText(c, e, o);
    }
    return;
  }
  AzJsonPath(c, {"callerIpAddress"}, o);
}

void AzProvider(EvalContext& c, std::string_view, FieldValues* o) {
  if (AzRest(c)) {
    AzValueOrString(c, "resourceProviderName", o);
    return;
  }
  std::string_view op;
  if (!PathString(c, {"operationName"}, &op)) return;
  size_t slash = op.find('/');
  if (slash != std::string_view::npos) o->AddString(op.substr(0, slash));
}

void AzRoleDefinitionId(EvalContext& c, std::string_view, FieldValues* o) {
  std::string_view body;
  if (!PathString(c, {"properties", "requestbody"}, &body)) return;
  // The body is JSON in a string; the role definition id is found by key
  // text (case-insensitive) so no second parse is needed.
  constexpr std::string_view kKey = "roledefinitionid\"";
  for (size_t i = 0; i + kKey.size() <= body.size(); ++i) {
    if (!IEquals(body.substr(i, kKey.size()), kKey)) continue;
    size_t p = i + kKey.size();
    while (p < body.size() && (body[p] == ' ' || body[p] == ':')) ++p;
    if (p >= body.size() || body[p] != '"') return;
    size_t end = body.find('"', p + 1);
    if (end == std::string_view::npos) return;
    std::string_view v = body.substr(p + 1, end - p - 1);
    size_t slash = v.rfind('/');
    o->AddString(slash == std::string_view::npos ? v : v.substr(slash + 1));
    return;
  }
}

const FieldInfo kAzureFields[] = {
    S("az.operation", "the operation name (e.g. Microsoft.Authorization/roleAssignments/write).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        AzValueOrString(c, "operationName", o);
      }),
    S("az.category", "the event category (Administrative, Security, Policy, ...).",
      [](EvalContext& c, std::string_view, FieldValues* o) { AzValueOrString(c, "category", o); }),
    S("az.result", "the result: resultType (exports) or status.value (REST).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        if (AzRest(c))
          AzValueOrString(c, "status", o);
        else
          AzJsonPath(c, {"resultType"}, o);
      }),
    S("az.resultsignature", "resultSignature (exports) or subStatus.value (REST).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        if (AzRest(c))
          AzValueOrString(c, "subStatus", o);
        else
          AzJsonPath(c, {"resultSignature"}, o);
      }),
    S("az.level", "the level (Informational, Warning, Error, Critical).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        element e;
        if (GetPath(Root(c), {"level"}, &e) || GetPath(Root(c), {"Level"}, &e))
          AddJsonText(c, e, o);
      }),
    S("az.caller", "the caller: claims name or upn, else caller.", AzCaller),
    S("az.callerip", "the caller's IP address.", AzCallerIp),
    S("az.resourceid", "the ARM resource id.", AZ_PATH("resourceId")),
    S("az.subscription", "the subscription id (lower-cased from resourceId in exports).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        AzLowerArmSegment(c, "subscriptions", "subscriptionId", o);
      }),
    S("az.resourcegroup", "the resource group (lower-cased from resourceId in exports).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        AzLowerArmSegment(c, "resourcegroups", "resourceGroupName", o);
      }),
    S("az.provider", "the resource provider namespace (e.g. Microsoft.Authorization).", AzProvider),
    S("az.correlationid", "the correlation id.", AZ_PATH("correlationId")),
    S("az.tenant", "the tenant id.", AZ_PATH("tenantId")),
    S("az.time", "the event time (time, or eventTimestamp in REST).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        AzJsonPath(c, {AzRest(c) ? "eventTimestamp" : "time"}, o);
      }),
    S("az.principalid", "the principal id of the authorization evidence.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        if (AzRest(c))
          AzJsonPath(c, {"authorization", "evidence", "principalId"}, o);
        else
          AzJsonPath(c, {"identity", "authorization", "evidence", "principalId"}, o);
      }),
    S("az.roledefinitionid", "the role definition GUID in properties.requestbody.",
      AzRoleDefinitionId),
    S("az.requestbody", "properties.requestbody (text).", AZ_PATH("properties", "requestbody")),
    S("az.properties", "properties as compact JSON text.", AZ_PATH("properties")),
    S("az.claims", "the JWT claims as compact JSON text.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        if (AzRest(c))
          AzJsonPath(c, {"claims"}, o);
        else
          AzJsonPath(c, {"identity", "claims"}, o);
      }),
};

// ----------------------------------------------------------- evt.* and json

void EvtTimeText(EvalContext& c, const char* style, FieldValues* o) {
  std::string* s = c.Scratch();
  *s = FormatTime(c.event().time_ns, style);
  o->AddString(*s);
}

void EvtPluginInfo(EvalContext& c, std::string_view, FieldValues* o) {
  if (c.event().source == Source::kAwsCloudTrail) CtInfo(c, "", o);
}

void JsonValue(EvalContext& c, std::string_view arg, FieldValues* o) {
  element e;
  if (arg.empty()) {
    e = Root(c);
  } else {
    simdjson::error_code err;
    if (arg[0] == '/') {
      err = Root(c).at_pointer(arg).get(e);
    } else {
      std::string* p = c.Scratch();
      p->push_back('/');
      p->append(arg);
      err = Root(c).at_pointer(*p).get(e);
    }
    if (err != simdjson::SUCCESS) return;
  }
  AddJsonText(c, e, o);
}

void JsonObj(EvalContext& c, std::string_view, FieldValues* o) {
  std::string* s = c.Scratch();
  AppendIndentedJson(Root(c), s);
  o->AddString(*s);
}

void JsonRawTime(EvalContext& c, std::string_view, FieldValues* o) {
  std::string* s = c.Scratch();
  *s = std::to_string(c.event().time_ns);
  o->AddString(*s);
}

uint64_t RelTime(EvalContext& c) {
  int64_t d = c.event().time_ns - c.event().first_time_ns;
  return d > 0 ? static_cast<uint64_t>(d) : 0;
}

constexpr std::string_view kPluginNames[] = {"cloudtrail", "gcpaudit", "azureactivity"};

#define JV(name, desc) \
  FieldInfo { name, FieldType::kString, false, ArgKind::kKey, true, false, desc, JsonValue }

const FieldInfo kCommonFields[] = {
    U("evt.num", "event number (1-based, in read order).",
      [](EvalContext& c, std::string_view, FieldValues* o) { o->AddUint(c.event().num); }),
    S("evt.time", "event timestamp as HH:MM:SS.nnnnnnnnn (UTC).",
      [](EvalContext& c, std::string_view, FieldValues* o) { EvtTimeText(c, "time", o); }),
    S("evt.time.s", "event timestamp as HH:MM:SS (UTC).",
      [](EvalContext& c, std::string_view, FieldValues* o) { EvtTimeText(c, "time.s", o); }),
    S("evt.time.iso8601", "event timestamp in ISO 8601 with nanoseconds (UTC).",
      [](EvalContext& c, std::string_view, FieldValues* o) { EvtTimeText(c, "iso8601", o); }),
    S("evt.datetime", "event timestamp as YYYY-MM-DD HH:MM:SS.nnnnnnnnn (UTC).",
      [](EvalContext& c, std::string_view, FieldValues* o) { EvtTimeText(c, "datetime", o); }),
    S("evt.datetime.s", "event timestamp as YYYY-MM-DD HH:MM:SS (UTC).",
      [](EvalContext& c, std::string_view, FieldValues* o) { EvtTimeText(c, "datetime.s", o); }),
    U("evt.rawtime", "event timestamp in ns since the epoch.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddUint(static_cast<uint64_t>(c.event().time_ns));
      }),
    U("evt.rawtime.s", "integer part of the event timestamp, in seconds.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddUint(static_cast<uint64_t>(c.event().time_ns) / 1000000000);
      }),
    U("evt.rawtime.ns", "fractional part of the event timestamp, in ns.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddUint(static_cast<uint64_t>(c.event().time_ns) % 1000000000);
      }),
    U("evt.reltime", "ns since the run's first event.",
      [](EvalContext& c, std::string_view, FieldValues* o) { o->AddUint(RelTime(c)); }),
    U("evt.reltime.s", "seconds since the run's first event.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddUint(RelTime(c) / 1000000000);
      }),
    U("evt.reltime.ns", "fractional part of evt.reltime, in ns.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddUint(RelTime(c) % 1000000000);
      }),
    S("evt.pluginname", "the name of the source plugin (cloudtrail, gcpaudit, azureactivity).",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddString(kPluginNames[static_cast<int>(c.event().source)]);
      }),
    S("evt.plugininfo", "summary of the event (ct.info for CloudTrail).", EvtPluginInfo),
    S("evt.source", "the event source name.",
      [](EvalContext& c, std::string_view, FieldValues* o) {
        o->AddString(SourceName(c.event().source));
      }),
    U("evt.is_async", "1 for asynchronous events (always 0 for audit logs).",
      [](EvalContext& c, std::string_view, FieldValues* o) { o->AddUint(0); }),
    S("evt.asynctype", "the type of an asynchronous event (absent for audit logs).",
      [](EvalContext& c, std::string_view, FieldValues* o) {}),
    S("evt.hostname", "the host name kumo runs on.",
      [](EvalContext& c, std::string_view, FieldValues* o) { o->AddString(c.event().hostname); }),
    JV("json.value", "the value at a JSON pointer (strings unquoted, others as JSON text)."),
    S("json.obj", "the whole event as indented JSON.", JsonObj),
    S("json.rawtime", "the event timestamp in ns, as text.", JsonRawTime),
    JV("jevt.value", "alias of json.value."),
    S("jevt.obj", "alias of json.obj.", JsonObj),
    S("jevt.rawtime", "alias of json.rawtime.", JsonRawTime),
};

}  // namespace

std::span<const FieldInfo> SourceFields(Source source) {
  switch (source) {
    case Source::kAwsCloudTrail: return kCloudTrailFields;
    case Source::kGcpAuditLog: return kGcpFields;
    default: return kAzureFields;
  }
}

std::span<const FieldInfo> CommonFields() { return kCommonFields; }

const FieldInfo* FindField(Source source, std::string_view name) {
  for (const FieldInfo& f : SourceFields(source)) {
    if (f.name == name) return &f;
  }
  for (const FieldInfo& f : kCommonFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string_view FieldTypeName(const FieldInfo& f) {
  if (f.type == FieldType::kUint64) return f.is_list ? "uint64 (list)" : "uint64";
  return f.is_list ? "string (list)" : "string";
}

std::string_view EventNameField(Source source) {
  switch (source) {
    case Source::kAwsCloudTrail: return "ct.name";
    case Source::kGcpAuditLog: return "gcp.methodName";
    default: return "az.operation";
  }
}

}  // namespace kumo::detect
