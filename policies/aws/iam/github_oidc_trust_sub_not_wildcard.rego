# METADATA
# title: "GitHub Actions OIDC sub conditions name a single repository"
# description: >-
#   A sub condition such as "*", "repo:*", "repo:org/*", a wildcard owner, or a claim other
#   than repo: (environment:, ref:, workflow:, context:, head_ref:, base_ref:) can be
#   satisfied by repositories the role was not meant for. StringEquals values containing "*"
#   are flagged as a mistake (they never match as intended).
# custom:
#   id: AWS-IAM-019
#   severity: high
#   resource_types: ["AWS::IAM::Role"]
#   frameworks:
#     kumo-iam: ["oidc-trust", "cicd-oidc"]
#   remediation: docs/kaizen/AWS-IAM-019.md
package kumo.aws.iam.github_oidc_trust_sub_not_wildcard

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

like(op) if contains(lower(op), "like")

sub_values contains [op, v] if {
	some st in github_statements
	some c in conditions(st)
	is_claim(c[1], "sub")
	op := c[0]
	v := c[2]
	is_string(v)
}

problems contains [op, v, "it matches every GitHub repository"] if {
	some sv in sub_values
	op := sv[0]
	v := sv[1]
	like(op)
	regex.match(`^(\*.*|repo:\*.*|repo:[^/]*[*?].*)$`, v)
}

problems contains [op, v, "it matches every repository of the organisation, including new ones and forks inside it"] if {
	some sv in sub_values
	op := sv[0]
	v := sv[1]
	like(op)
	regex.match(`^repo:[^/*?]+/[^:]*[*?].*$`, v)
}

problems contains [op, v, "it does not start with repo:<owner>/<repo>, so a workflow in another repository can present the same claim"] if {
	some sv in sub_values
	op := sv[0]
	v := sv[1]
	regex.match(`^(workflow|environment|ref|context|head_ref|base_ref):`, lower(v))
}

problems contains [op, v, "StringEquals does not expand wildcards, so the condition never matches as intended"] if {
	some sv in sub_values
	op := sv[0]
	v := sv[1]
	not like(op)
	contains(v, "*")
}

deny contains result if {
	some p in problems
	op := p[0]
	v := p[1]
	why := p[2]
	result := {
		"msg": sprintf("role %s: GitHub OIDC sub condition %q is too broad: %s", [input.name, v, why]),
		"evidence": {"operator": op, "sub": v},
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
