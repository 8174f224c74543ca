# METADATA
# title: "S3 bucket policies do not grant access to everyone"
# description: >-
#   An Allow statement with Principal "*" (or AWS "*") and no Condition in a bucket policy
#   grants its actions to anyone on the internet. Judged from BucketPolicy.policyText;
#   statements restricted by conditions (aws:SourceVpce, aws:PrincipalOrgID, ...) pass.
# custom:
#   id: AWS-S3-007
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["2.21"]
#     aws-fsbp: ["S3.2"]
#   remediation: docs/kaizen/AWS-S3-007.md
package kumo.aws.s3.policy_not_public

import rego.v1

policy := json.unmarshal(input.supplementary.BucketPolicy.policyText) if json.is_valid(input.supplementary.BucketPolicy.policyText)

everyone(p) if p == "*"

everyone(p) if {
	is_object(p)
	some v in as_list(object.get(p, "AWS", []))
	v == "*"
}

deny contains result if {
	some st in statements(policy)
	object.get(st, "Effect", "") == "Allow"
	everyone(object.get(st, "Principal", ""))
	count(object.get(st, "Condition", {})) == 0
	result := {
		"msg": sprintf("bucket %s policy allows %v to everyone (Principal \"*\" without a condition)", [input.name, object.get(st, "Action", "")]),
		"evidence": {"statement": st},
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
