# METADATA
# title: "VPC flow logs are enabled for every VPC"
# description: >-
#   Flow logs record accepted and rejected traffic for incident investigation and anomaly
#   detection. A VPC fails when no AWS::EC2::FlowLog in the inventory names it as its
#   resource.
# custom:
#   id: AWS-EC2-010
#   severity: medium
#   resource_types: ["AWS::EC2::VPC"]
#   frameworks:
#     cis-aws-7.0: ["4.7"]
#     aws-fsbp: ["EC2.6"]
#   remediation: docs/kaizen/AWS-EC2-010.md
package kumo.aws.ec2.vpc_flow_logs

import rego.v1

vpc_id := object.get(input.config, "vpcId", object.get(input.config, "VpcId", input.name))

has_flow_log if {
	some f in data.kumo.resources["AWS::EC2::FlowLog"]
	f.account == input.account
	field(f.config, "resourceId") == vpc_id
}

deny contains result if {
	not has_flow_log
	result := {
		"msg": sprintf("VPC %s has no flow log", [vpc_id]),
		"evidence": {"vpcId": vpc_id},
	}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
