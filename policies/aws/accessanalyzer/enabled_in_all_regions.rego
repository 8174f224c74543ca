# METADATA
# title: "IAM Access Analyzer is active in every region in use"
# description: >-
#   Without an external-access analyzer in a region, resources shared outside the account
#   there go unnoticed. Account-scoped: every region in which the inventory holds resources
#   of the account needs an AWS::AccessAnalyzer::Analyzer whose status is not
#   DISABLED/FAILED.
# custom:
#   id: AWS-ACCESSANALYZER-001
#   severity: medium
#   scope: account
#   frameworks:
#     cis-aws-7.0: ["2.18"]
#     kumo-iam: ["external-access"]
#   remediation: docs/kaizen/AWS-ACCESSANALYZER-001.md
package kumo.aws.accessanalyzer.enabled_in_all_regions

import rego.v1

analyzer_regions contains a.region if {
	some a in data.kumo.resources["AWS::AccessAnalyzer::Analyzer"]
	a.account == input.account
	status := upper(sprintf("%v", [object.get(a.config, "status", object.get(a.config, "Status", "ACTIVE"))]))
	not status in {"DISABLED", "FAILED"}
}

deny contains result if {
	some region in regions_in_use
	not region in analyzer_regions
	result := {
		"msg": sprintf("no active IAM Access Analyzer in %s for account %s", [region, input.account]),
		"evidence": {"region": region},
	}
}

# Regions in which the inventory holds resources of this account.
regions_in_use contains region if {
	some [account, region] in account_regions
	account == input.account
}

# Every (account, region) pair with AWS resources. It does not read `input`,
# so the evaluator computes it once per scan thread instead of walking the
# whole inventory for every account.
account_regions contains [r.account, r.region] if {
	some _, rs in data.kumo.resources
	some r in rs
	r.provider == "aws"
	r.region != "global"
	r.region != ""
}

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
