# METADATA
# title: "Bedrock is reached through a VPC interface endpoint"
# description: >-
#   In a region where the account runs Bedrock resources (guardrails, agents, knowledge
#   bases, custom models) and has VPCs, an interface VPC endpoint for bedrock-runtime keeps
#   prompts off the internet and lets endpoint policies restrict which models are called.
#   Judged only for regions where AWS::EC2::VPC items are in the inventory.
# custom:
#   id: AWS-BEDROCK-019
#   severity: medium
#   scope: account
#   frameworks:
#     owasp-llm-2025: ["LLM02", "LLM10"]
#   remediation: docs/kaizen/AWS-BEDROCK-019.md
package kumo.aws.bedrock.private_access_endpoint

import rego.v1

bedrock_types := ["AWS::Bedrock::Guardrail", "AWS::Bedrock::Agent", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::CustomModel"]

bedrock_regions contains r.region if {
	some t in bedrock_types
	some r in data.kumo.resources[t]
	r.account == input.account
}

vpc_regions contains v.region if {
	some v in data.kumo.resources["AWS::EC2::VPC"]
	v.account == input.account
}

endpoint_regions contains e.region if {
	some e in data.kumo.resources["AWS::EC2::VPCEndpoint"]
	e.account == input.account
	endswith(lower(sprintf("%v", [field(e.config, "serviceName")])), ".bedrock-runtime")
}

deny contains result if {
	some region in bedrock_regions
	region in vpc_regions
	not region in endpoint_regions
	result := {"msg": sprintf("account %s uses Bedrock in %s but has no bedrock-runtime VPC endpoint there", [input.account, region]), "evidence": {"region": region}}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
