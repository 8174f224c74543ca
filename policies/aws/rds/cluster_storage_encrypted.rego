# METADATA
# title: "Aurora / RDS clusters are encrypted at rest"
# description: >-
#   Cluster storage encryption covers the cluster volume, its backups and snapshots. Judged
#   from storageEncrypted of the AWS Config DB cluster item.
# custom:
#   id: AWS-RDS-005
#   severity: high
#   resource_types: ["AWS::RDS::DBCluster"]
#   frameworks:
#     cis-aws-7.0: ["3.2.1"]
#     aws-fsbp: ["RDS.27"]
#   remediation: docs/kaizen/AWS-RDS-005.md
package kumo.aws.rds.cluster_storage_encrypted

import rego.v1

deny contains result if {
	v := field(input.config, "storageEncrypted")
	not is_true(v)
	result := {"msg": sprintf("DB cluster %s is not encrypted at rest", [input.name]), "evidence": {"storageEncrypted": v}}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
