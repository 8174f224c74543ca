# METADATA
# title: "EC2 instances require IMDSv2"
# description: >-
#   With IMDSv1 allowed, a server-side request forgery in any application on the instance
#   can read the instance role's credentials from the metadata service. Judged from
#   metadataOptions.httpTokens ("required"); instances with the metadata endpoint disabled
#   pass.
# custom:
#   id: AWS-EC2-006
#   severity: high
#   resource_types: ["AWS::EC2::Instance"]
#   frameworks:
#     cis-aws-7.0: ["6.7"]
#     aws-fsbp: ["EC2.8"]
#   remediation: docs/kaizen/AWS-EC2-006.md
package kumo.aws.ec2.imdsv2_required

import rego.v1

opts := field(input.config, "metadataOptions")

deny contains result if {
	lower(sprintf("%v", [field(opts, "httpEndpoint")])) != "disabled"
	tokens := lower(sprintf("%v", [field(opts, "httpTokens")]))
	tokens != "required"
	not terminated
	result := {
		"msg": sprintf("instance %s allows IMDSv1 (httpTokens %s)", [input.name, tokens]),
		"evidence": {"metadataOptions": opts},
	}
}

terminated if lower(sprintf("%v", [object.get(input.config, ["state", "name"], "")])) == "terminated"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
