# METADATA
# title: "S3 bucket ACLs do not grant access to all users"
# description: >-
#   An ACL grant to the AllUsers or AuthenticatedUsers group makes the bucket readable (or
#   writable) by the internet or any AWS account. Judged from supplementary
#   AccessControlList.grantList.
# custom:
#   id: AWS-S3-008
#   severity: high
#   resource_types: ["AWS::S3::Bucket"]
#   frameworks:
#     cis-aws-7.0: ["3.1.4"]
#     aws-fsbp: ["S3.2"]
#   remediation: docs/kaizen/AWS-S3-008.md
package kumo.aws.s3.acl_not_public

import rego.v1

public_grantee(g) if g in {"AllUsers", "AuthenticatedUsers"}

public_grantee(g) if {
	is_object(g)
	uri := object.get(g, "uri", object.get(g, "URI", ""))
	regex.match(`acs\.amazonaws\.com/groups/global/(AllUsers|AuthenticatedUsers)$`, uri)
}

deny contains result if {
	some grant in object.get(input, ["supplementary", "AccessControlList", "grantList"], [])
	public_grantee(object.get(grant, "grantee", ""))
	result := {
		"msg": sprintf("bucket %s ACL grants %v to %v", [input.name, object.get(grant, "permission", "?"), object.get(grant, "grantee", "?")]),
		"evidence": {"grant": grant},
	}
}
