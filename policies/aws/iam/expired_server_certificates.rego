# METADATA
# title: "No expired SSL/TLS certificates are stored in IAM"
# description: >-
#   Expired server certificates left in IAM can be deployed by mistake to a load balancer or
#   CloudFront. Judged from the Expiration of each IAM server certificate (kumo JSONL type
#   AWS::IAM::ServerCertificate whose config is the ServerCertificateMetadata of list-
#   server-certificates).
# custom:
#   id: AWS-IAM-014
#   severity: medium
#   resource_types: ["AWS::IAM::ServerCertificate"]
#   frameworks:
#     cis-aws-7.0: ["2.17"]
#   remediation: docs/kaizen/AWS-IAM-014.md
package kumo.aws.iam.expired_server_certificates

import rego.v1

expiration := e if {
	e := field(input.config, "expiration")
	is_date(e)
}

expiration := e if {
	not is_date(field(input.config, "expiration"))
	e := field(field(input.config, "serverCertificateMetadata"), "expiration")
	is_date(e)
}

deny contains result if {
	d := days_since(expiration)
	d > 0
	result := {
		"msg": sprintf("IAM server certificate %s expired on %s", [input.name, expiration]),
		"evidence": {"Expiration": expiration},
	}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

is_date(ts) if {
	is_string(ts)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}`, ts)
}

days_since(ts) := floor((time.now_ns() - time.parse_rfc3339_ns(ts)) / 86400000000000) if is_date(ts)
