# METADATA
# title: "Default security groups restrict all traffic"
# description: >-
#   The default security group of every VPC should have no inbound and no outbound rules, so
#   resources launched without an explicit group get no connectivity. Judged from groupName
#   "default" and its ipPermissions / ipPermissionsEgress.
# custom:
#   id: AWS-EC2-004
#   severity: medium
#   resource_types: ["AWS::EC2::SecurityGroup"]
#   frameworks:
#     cis-aws-7.0: ["6.5"]
#     aws-fsbp: ["EC2.2"]
#   remediation: docs/kaizen/AWS-EC2-004.md
package kumo.aws.ec2.default_sg_restricts_all

import rego.v1

deny contains result if {
	object.get(input.config, "groupName", "") == "default"
	inbound := count(object.get(input.config, "ipPermissions", []))
	outbound := count(object.get(input.config, "ipPermissionsEgress", []))
	inbound + outbound > 0
	result := {
		"msg": sprintf("default security group %s of %v has %v inbound and %v outbound rules", [object.get(input.config, "groupId", input.name), object.get(input.config, "vpcId", "?"), inbound, outbound]),
		"evidence": {"inbound_rules": inbound, "outbound_rules": outbound},
	}
}
