# METADATA
# title: "Each subscription has two or three owners"
# description: >-
#   One owner is a single point of failure; more than three widens the blast radius. Account
#   scope: when the inventory holds role assignments of the subscription, fails when the
#   number of Owner assignments at subscription scope is below 2 or above 3.
# custom:
#   id: AZ-IAM-005
#   severity: low
#   scope: account
#   frameworks:
#     cis-azure-6.0: ["5.7"]
#     kumo-iam: ["least-privilege"]
#   remediation: docs/kaizen/AZ-IAM-005.md
package kumo.azure.iam.subscription_owner_count

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

sub_scope := concat("", ["/subscriptions/", lower(input.account)])

assignments := [a | some a in resources_of("microsoft.authorization/roleassignments"); lower(a.account) == lower(input.account)]

owners := [a |
	some a in assignments
	ap := object.get(a, ["config", "properties"], {})
	endswith(lower(sprintf("%v", [object.get(ap, "roleDefinitionId", "")])), "/8e3af657-a8ff-443c-a75c-2fe8c4bcb635")
	trim_right(lower(sprintf("%v", [object.get(ap, "scope", "")])), "/") == sub_scope
]

deny contains result if {
	count(assignments) > 0
	count(owners) < 2
	result := {"msg": sprintf("subscription %s has %d owner assignment(s) at subscription scope (want 2 or 3)", [input.account, count(owners)]), "evidence": {"owners": count(owners)}}
}

deny contains result if {
	count(owners) > 3
	result := {"msg": sprintf("subscription %s has %d owner assignments at subscription scope (want 2 or 3)", [input.account, count(owners)]), "evidence": {"owners": count(owners)}}
}
