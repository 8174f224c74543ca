# METADATA
# title: "Attached customer managed policies do not allow IAM privilege escalation on any resource"
# description: >-
#   Actions such as iam:PassRole, iam:CreatePolicyVersion, iam:Attach*Policy,
#   iam:Put*Policy, iam:UpdateAssumeRolePolicy, iam:CreateAccessKey or iam:* on Resource "*"
#   let the holder grant itself more privileges. Judged from the default version of attached
#   customer managed policies.
# custom:
#   id: AWS-IAM-026
#   severity: medium
#   resource_types: ["AWS::IAM::Policy"]
#   frameworks:
#     kumo-iam: ["privilege-escalation", "least-privilege"]
#   remediation: docs/kaizen/AWS-IAM-026.md
package kumo.aws.iam.customer_policy_privilege_escalation

import rego.v1

escalation := {"iam:*", "iam:passrole", "iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachuserpolicy", "iam:attachrolepolicy", "iam:attachgrouppolicy", "iam:putuserpolicy", "iam:putrolepolicy", "iam:putgrouppolicy", "iam:updateassumerolepolicy", "iam:createaccesskey", "iam:createloginprofile", "iam:updateloginprofile"}

deny contains result if {
	to_number(object.get(input.config, "attachmentCount", 1)) > 0
	some v in object.get(input.config, "policyVersionList", [])
	is_true(object.get(v, "isDefaultVersion", false))
	some st in statements(policy_doc(object.get(v, "document", "")))
	object.get(st, "Effect", "") == "Allow"
	some r in as_list(object.get(st, "Resource", []))
	r == "*"
	some a in as_list(object.get(st, "Action", []))
	lower(a) in escalation
	result := {
		"msg": sprintf("customer managed policy %s allows %s on every resource (privilege escalation)", [input.name, a]),
		"evidence": {"action": a},
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
