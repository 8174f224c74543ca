# METADATA
# title: "GitHub Actions OIDC roles check the aud claim"
# description: >-
#   Without an aud condition (sts.amazonaws.com) the role accepts GitHub tokens minted for
#   other audiences, e.g. for another cloud or service. Judged from the GitHub statements of
#   the role's trust policy.
# custom:
#   id: AWS-IAM-020
#   severity: medium
#   resource_types: ["AWS::IAM::Role"]
#   frameworks:
#     kumo-iam: ["oidc-trust"]
#   remediation: docs/kaizen/AWS-IAM-020.md
package kumo.aws.iam.github_oidc_trust_requires_aud

import rego.v1

trust := policy_doc(object.get(input.config, "assumeRolePolicyDocument", ""))

github_statements contains st if {
	some st in statements(trust)
	object.get(st, "Effect", "") == "Allow"
	some p in as_list(object.get(object.get(st, "Principal", {}), "Federated", []))
	contains(lower(p), "token.actions.githubusercontent.com")
}

# conditions flattens a statement's Condition block into [operator, key, value] triples.
conditions(st) := [[op, lower(k), v] |
	some op, block in object.get(st, "Condition", {})
	some k, vals in block
	some v in as_list(vals)
]

is_claim(k, claim) if regex.match(sprintf(`^token\.actions\.githubusercontent\.com(/[^:]+)?:%s$`, [claim]), k)

has_claim(st, claim) if {
	some c in conditions(st)
	is_claim(c[1], claim)
}

deny contains result if {
	some st in github_statements
	not has_claim(st, "aud")
	result := {
		"msg": sprintf("role %s trusts GitHub Actions OIDC without an aud condition (expected sts.amazonaws.com)", [input.name]),
		"evidence": {"condition": object.get(st, "Condition", {})},
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
