# METADATA
# title: "IAM role trust policies do not trust everyone"
# description: >-
#   A trust statement allowing Principal "*" (or AWS "*") without conditions lets any AWS
#   principal in any account assume the role. Judged from assumeRolePolicyDocument;
#   statements restricted by a Condition (for example aws:PrincipalOrgID) pass.
# custom:
#   id: AWS-IAM-021
#   severity: critical
#   resource_types: ["AWS::IAM::Role"]
#   frameworks:
#     kumo-iam: ["trust-policy"]
#     cis-aws-7.0: ["2.21"]
#   remediation: docs/kaizen/AWS-IAM-021.md
package kumo.aws.iam.role_trust_not_public

import rego.v1

trust := policy_doc(object.get(input.config, "assumeRolePolicyDocument", ""))

everyone(p) if p == "*"

everyone(p) if {
	is_object(p)
	some v in as_list(object.get(p, "AWS", []))
	v == "*"
}

deny contains result if {
	some st in statements(trust)
	object.get(st, "Effect", "") == "Allow"
	everyone(object.get(st, "Principal", ""))
	count(object.get(st, "Condition", {})) == 0
	result := {
		"msg": sprintf("role %s can be assumed by any AWS principal (Principal \"*\" without a condition)", [input.name]),
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
