# METADATA
# title: "EC2 instances use an IAM instance role for AWS access"
# description: >-
#   An instance without an instance profile cannot get temporary credentials from the
#   metadata service, which usually means long-lived access keys are stored on it. Judged
#   from iamInstanceProfile of the AWS Config instance item; terminated instances are
#   ignored.
# custom:
#   id: AWS-EC2-007
#   severity: low
#   resource_types: ["AWS::EC2::Instance"]
#   frameworks:
#     cis-aws-7.0: ["2.16"]
#     kumo-iam: ["long-lived-keys"]
#   remediation: docs/kaizen/AWS-EC2-007.md
package kumo.aws.ec2.instance_profile_attached

import rego.v1

deny contains result if {
	profile := field(input.config, "iamInstanceProfile")
	not is_object(profile)
	lower(sprintf("%v", [object.get(input.config, ["state", "name"], "")])) != "terminated"
	result := {
		"msg": sprintf("instance %s has no IAM instance profile; AWS access from it likely uses stored access keys", [input.name]),
		"evidence": {"iamInstanceProfile": profile},
	}
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
