# METADATA
# title: "AWS Security Hub is enabled in every region in use"
# description: >-
#   Security Hub aggregates GuardDuty, Inspector, Macie and partner findings per region.
#   Account-scoped: when the inventory holds AWS::SecurityHub::Hub items for the account
#   (describe-hub output as kumo JSONL, one per region), every region in which the account
#   has resources needs one. Without any hub item the account is not judged.
# custom:
#   id: AWS-SECURITYHUB-001
#   severity: medium
#   scope: account
#   frameworks:
#     cis-aws-7.0: ["5.16"]
#   remediation: docs/kaizen/AWS-SECURITYHUB-001.md
package kumo.aws.securityhub.enabled_in_all_regions

import rego.v1

hub_regions contains h.region if {
	some h in data.kumo.resources["AWS::SecurityHub::Hub"]
	h.account == input.account
}

# Judged only when the inventory carries hub records for the account (AWS Config does not
# record hubs everywhere), so an inventory without them never fails every region.
deny contains result if {
	count(hub_regions) > 0
	some region in regions_in_use
	not region in hub_regions
	result := {"msg": sprintf("AWS Security Hub is not enabled in %s for account %s", [region, input.account]), "evidence": {"region": region, "hub_regions": sort([r | some r in hub_regions])}}
}

# Regions in which the inventory holds resources of this account.
regions_in_use contains r.region if {
	some _, rs in data.kumo.resources
	some r in rs
	r.provider == "aws"
	r.account == input.account
	r.region != "global"
	r.region != ""
}
