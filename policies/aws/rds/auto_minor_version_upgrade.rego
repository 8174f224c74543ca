# METADATA
# title: "RDS instances apply minor engine upgrades automatically"
# description: >-
#   Auto minor version upgrade applies engine security patches in the maintenance window.
#   Judged from autoMinorVersionUpgrade of the DB instance item.
# custom:
#   id: AWS-RDS-002
#   severity: low
#   resource_types: ["AWS::RDS::DBInstance"]
#   frameworks:
#     cis-aws-7.0: ["3.2.2"]
#     aws-fsbp: ["RDS.13"]
#   remediation: docs/kaizen/AWS-RDS-002.md
package kumo.aws.rds.auto_minor_version_upgrade

import rego.v1

deny contains result if {
	v := field(input.config, "autoMinorVersionUpgrade")
	not is_true(v)
	result := {
		"msg": sprintf("RDS instance %s does not apply minor engine upgrades automatically", [input.name]),
		"evidence": {"autoMinorVersionUpgrade": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
