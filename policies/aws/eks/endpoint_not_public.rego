# METADATA
# title: "EKS cluster API endpoints are not open to the internet"
# description: >-
#   An EKS API server endpoint with public access from 0.0.0.0/0 exposes the Kubernetes
#   control plane to the whole internet. Judged from resourcesVpcConfig.endpointPublicAccess
#   and publicAccessCidrs (absent CIDRs mean 0.0.0.0/0).
# custom:
#   id: AWS-EKS-001
#   severity: high
#   resource_types: ["AWS::EKS::Cluster"]
#   frameworks:
#     aws-fsbp: ["EKS.1"]
#   remediation: docs/kaizen/AWS-EKS-001.md
package kumo.aws.eks.endpoint_not_public

import rego.v1

vpc := field(input.config, "resourcesVpcConfig")

deny contains result if {
	is_true(field(vpc, "endpointPublicAccess"))
	cidrs := object.get(vpc, "publicAccessCidrs", object.get(vpc, "PublicAccessCidrs", ["0.0.0.0/0"]))
	"0.0.0.0/0" in cidrs
	result := {"msg": sprintf("EKS cluster %s exposes its API endpoint to 0.0.0.0/0", [input.name]), "evidence": {"publicAccessCidrs": cidrs}}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
