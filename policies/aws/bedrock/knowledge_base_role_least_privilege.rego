# METADATA
# title: "Bedrock knowledge base service roles are least privilege"
# description: >-
#   A knowledge base role needs read access to its data source and vector store only. Fails
#   when its roleArn (found in the inventory) has AdministratorAccess, PowerUserAccess,
#   IAMFullAccess, AmazonBedrockFullAccess or an inline wildcard Allow on every resource.
# custom:
#   id: AWS-BEDROCK-015
#   severity: high
#   resource_types: ["AWS::Bedrock::KnowledgeBase"]
#   frameworks:
#     owasp-llm-2025: ["LLM06", "LLM08"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/AWS-BEDROCK-015.md
package kumo.aws.bedrock.knowledge_base_role_least_privilege

import rego.v1

deny contains result if {
	arn := field(input.config, "roleArn")
	role := role_by_arn(arn)
	grants := broad_grants(role)
	count(grants) > 0
	result := {"msg": sprintf("knowledge base %s uses role %s, which has broad permissions: %s", [input.name, role.name, concat("; ", sort([g | some g in grants]))]), "evidence": {"role": arn}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])

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

broad_managed := {"AdministratorAccess", "PowerUserAccess", "IAMFullAccess", "AmazonBedrockFullAccess"}

role_by_arn(arn) := r if {
	some r in data.kumo.resources["AWS::IAM::Role"]
	object.get(r.config, "arn", r.id) == arn
}

# broad_grants lists why a role is far from least privilege.
broad_grants(role) := managed | inline if {
    managed := {sprintf("managed policy %s", [name]) |
        some p in object.get(role.config, "attachedManagedPolicies", [])
        name := object.get(p, "policyName", "")
        name in broad_managed
    }
    inline := {sprintf("inline policy %s allows every action", [object.get(p, "policyName", "")]) |
        some p in object.get(role.config, "rolePolicyList", [])
        some st in statements(policy_doc(object.get(p, "policyDocument", "")))
        object.get(st, "Effect", "") == "Allow"
        some a in as_list(object.get(st, "Action", []))
        a in {"*", "*:*", "bedrock:*", "iam:*", "s3:*"}
        some res in as_list(object.get(st, "Resource", []))
        res == "*"
    }
}
