# METADATA
# title: "RDS instances are not publicly accessible"
# description: >-
#   A publicly accessible instance gets a public DNS name and IP; with a permissive security
#   group it is reachable from the internet. Judged from publiclyAccessible of the DB
#   instance item.
# custom:
#   id: AWS-RDS-003
#   severity: critical
#   resource_types: ["AWS::RDS::DBInstance"]
#   frameworks:
#     cis-aws-7.0: ["3.2.3"]
#     aws-fsbp: ["RDS.2"]
#   remediation: docs/kaizen/AWS-RDS-003.md
package kumo.aws.rds.instance_not_public

import rego.v1

deny contains result if {
	v := field(input.config, "publiclyAccessible")
	is_true(v)
	result := {
		"msg": sprintf("RDS instance %s is publicly accessible", [input.name]),
		"evidence": {"publiclyAccessible": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
