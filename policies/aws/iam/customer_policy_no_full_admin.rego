# METADATA
# title: "Attached customer managed policies do not allow \"*\" on \"*\""
# description: >-
#   A customer managed policy whose default version allows every action on every resource is
#   full administrator access under another name. Judged from policyVersionList (the default
#   version document) and attachmentCount of the AWS Config item; an unknown attachment
#   count is treated as attached.
# custom:
#   id: AWS-IAM-012
#   severity: high
#   resource_types: ["AWS::IAM::Policy"]
#   frameworks:
#     cis-aws-7.0: ["2.14"]
#     kumo-iam: ["admin-privileges"]
#     aws-fsbp: ["IAM.1"]
#   remediation: docs/kaizen/AWS-IAM-012.md
package kumo.aws.iam.customer_policy_no_full_admin

import rego.v1

deny contains result if {
	to_number(object.get(input.config, "attachmentCount", 1)) > 0
	some v in object.get(input.config, "policyVersionList", [])
	is_true(object.get(v, "isDefaultVersion", false))
	admin_document(object.get(v, "document", ""))
	result := {
		"msg": sprintf("customer managed policy %s allows every action on every resource and is attached to %v identities", [input.name, object.get(input.config, "attachmentCount", "?")]),
		"evidence": {"versionId": object.get(v, "versionId", "")},
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

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

admin_statement(st) if {
	object.get(st, "Effect", "") == "Allow"
	some a in as_list(object.get(st, "Action", []))
	a in {"*", "*:*"}
	some r in as_list(object.get(st, "Resource", []))
	r == "*"
}

admin_document(raw) if {
	some st in statements(policy_doc(raw))
	admin_statement(st)
}

# A customer managed policy from the inventory whose default version grants *:*.
admin_customer_policy(arn) if {
	some p in data.kumo.resources["AWS::IAM::Policy"]
	object.get(p.config, "arn", p.id) == arn
	some v in object.get(p.config, "policyVersionList", [])
	is_true(object.get(v, "isDefaultVersion", false))
	admin_document(object.get(v, "document", ""))
}
