# METADATA
# title: "RDS instances use Multi-AZ deployments"
# description: >-
#   Multi-AZ keeps a synchronous standby in another Availability Zone for automatic
#   failover. Judged from multiAZ of the DB instance item.
# custom:
#   id: AWS-RDS-004
#   severity: low
#   resource_types: ["AWS::RDS::DBInstance"]
#   frameworks:
#     cis-aws-7.0: ["3.2.4"]
#     aws-fsbp: ["RDS.5"]
#   remediation: docs/kaizen/AWS-RDS-004.md
package kumo.aws.rds.multi_az

import rego.v1

deny contains result if {
	v := field(input.config, "multiAZ")
	not is_true(v)
	result := {
		"msg": sprintf("RDS instance %s is a single-AZ deployment", [input.name]),
		"evidence": {"multiAZ": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
