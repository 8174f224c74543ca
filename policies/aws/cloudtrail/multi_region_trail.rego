# METADATA
# title: "The account has a multi-region CloudTrail trail"
# description: >-
#   Only a multi-region trail records API activity in every region, including regions nobody
#   uses (where attackers like to start resources), and global service events. A single-
#   region trail fails when no trail of the same account in the inventory is multi-region.
# custom:
#   id: AWS-CLOUDTRAIL-001
#   severity: high
#   resource_types: ["AWS::CloudTrail::Trail"]
#   frameworks:
#     cis-aws-7.0: ["4.1"]
#     aws-fsbp: ["CloudTrail.1"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-001.md
package kumo.aws.cloudtrail.multi_region_trail

import rego.v1

# The accounts that have a multi-region trail. It does not depend on
# `input`: one pass over the trails per evaluation (none where the evaluator
# keeps input-independent rules across evaluations), then a set lookup.
multi_region_accounts contains t.account if {
	some t in data.kumo.resources["AWS::CloudTrail::Trail"]
	is_true(object.get(t.config, "isMultiRegionTrail", false))
}

multi_region_in_account if input.account in multi_region_accounts

deny contains result if {
	not is_true(object.get(input.config, "isMultiRegionTrail", false))
	not multi_region_in_account
	result := {
		"msg": sprintf("trail %s covers only %v and account %s has no multi-region trail", [input.name, object.get(input.config, "homeRegion", input.region), input.account]),
		"evidence": {"isMultiRegionTrail": object.get(input.config, "isMultiRegionTrail", null), "includeGlobalServiceEvents": object.get(input.config, "includeGlobalServiceEvents", null)},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
