# METADATA
# title: "S3 bucket policies deny requests over plain HTTP"
# description: >-
#   A bucket policy must contain a Deny statement for aws:SecureTransport false (or
#   s3:TlsVersion below 1.2) covering the bucket, otherwise clients may read and write
#   objects without TLS. Judged from supplementary BucketPolicy.policyText (no policy
#   fails).
# custom:
#   id: AWS-S3-002
#   severity: medium
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["3.1.1"]
#     aws-fsbp: ["S3.5"]
#   remediation: docs/kaizen/AWS-S3-002.md
package kumo.aws.s3.deny_insecure_transport

import rego.v1

policy := json.unmarshal(input.supplementary.BucketPolicy.policyText) if json.is_valid(input.supplementary.BucketPolicy.policyText)

denies_http if {
	some st in statements(policy)
	object.get(st, "Effect", "") == "Deny"
	some a in as_list(object.get(st, "Action", []))
	a in {"*", "s3:*"}
	some op, block in object.get(st, "Condition", {})
	some k, v in block
	denies(op, lower(k), v)
}

denies(op, "aws:securetransport", v) if {
	op in {"Bool", "BoolIfExists"}
	some x in as_list(v)
	lower(sprintf("%v", [x])) == "false"
}

denies(op, "s3:tlsversion", v) if {
	op == "NumericLessThan"
	some x in as_list(v)
	to_number(x) >= 1.2
}

deny contains result if {
	not denies_http
	result := {
		"msg": sprintf("bucket %s has no bucket policy statement denying requests without TLS (aws:SecureTransport false)", [input.name]),
		"evidence": {"has_policy": is_string(object.get(input, ["supplementary", "BucketPolicy", "policyText"], null))},
	}
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# policy_doc accepts a document as an object, as JSON text, or URL-encoded as AWS Config records it.
policy_doc(raw) := raw if is_object(raw)

policy_doc(raw) := json.unmarshal(raw) if {
	is_string(raw)
	json.is_valid(raw)
}

policy_doc(raw) := json.unmarshal(urlquery.decode(raw)) if {
	is_string(raw)
	not json.is_valid(raw)
	json.is_valid(urlquery.decode(raw))
}

statements(doc) := [st | some st in as_list(object.get(doc, "Statement", [])); is_object(st)]
