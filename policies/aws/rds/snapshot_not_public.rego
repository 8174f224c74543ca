# METADATA
# title: "RDS snapshots are not shared publicly"
# description: >-
#   A snapshot whose restore attribute includes "all" can be restored by any AWS account.
#   Judged from supplementary DBSnapshotAttributes / DBClusterSnapshotAttributes of the AWS
#   Config snapshot item.
# custom:
#   id: AWS-RDS-006
#   severity: critical
#   resource_types: ["AWS::RDS::DBSnapshot", "AWS::RDS::DBClusterSnapshot"]
#   frameworks:
#     cis-aws-7.0: ["3.2.3"]
#     aws-fsbp: ["RDS.1"]
#   remediation: docs/kaizen/AWS-RDS-006.md
package kumo.aws.rds.snapshot_not_public

import rego.v1

attributes := array.concat(
	object.get(input, ["supplementary", "DBSnapshotAttributes"], []),
	object.get(input, ["supplementary", "DBClusterSnapshotAttributes"], []),
)

deny contains result if {
	some a in attributes
	lower(object.get(a, "attributeName", object.get(a, "AttributeName", ""))) == "restore"
	"all" in object.get(a, "attributeValues", object.get(a, "AttributeValues", []))
	result := {"msg": sprintf("snapshot %s can be restored by any AWS account (restore attribute: all)", [input.name]), "evidence": {"attribute": a}}
}
