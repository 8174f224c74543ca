# METADATA
# title: "IAM groups do not hold full \"*:*\" administrative privileges"
# description: >-
#   An IAM group with AdministratorAccess, a customer managed policy allowing "*" on "*", or
#   such an inline policy can do anything in the account. Judged from
#   attachedManagedPolicies, groupPolicyList and the AWS::IAM::Policy items of the
#   inventory.
# custom:
#   id: AWS-IAM-011
#   severity: high
#   resource_types: ["AWS::IAM::Group"]
#   frameworks:
#     cis-aws-7.0: ["2.14"]
#     kumo-iam: ["admin-privileges"]
#     aws-fsbp: ["IAM.1"]
#   remediation: docs/kaizen/AWS-IAM-011.md
package kumo.aws.iam.no_admin_policy_on_group

import rego.v1

applies := true

deny contains result if {
	applies
	some p in object.get(input.config, "attachedManagedPolicies", [])
	arn := object.get(p, "policyArn", "")
	admin_arn(arn)
	result := {
		"msg": sprintf("IAM group %s has full administrative privileges through %s", [input.name, arn]),
		"evidence": {"policyArn": arn},
	}
}

deny contains result if {
	applies
	some p in object.get(input.config, "groupPolicyList", [])
	admin_document(object.get(p, "policyDocument", ""))
	result := {
		"msg": sprintf("inline policy %s of IAM group %s allows every action on every resource", [object.get(p, "policyName", "?"), input.name]),
		"evidence": {"inlinePolicy": object.get(p, "policyName", "")},
	}
}

admin_arn(arn) if endswith(arn, ":policy/AdministratorAccess")

admin_arn(arn) if admin_customer_policy(arn)

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
