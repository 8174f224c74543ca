# METADATA
# title: "Data Access audit logs are on for all services with no exemptions"
# description: >-
#   Account-scoped: the project, or one of its folders or its organization, must carry an
#   auditConfig for allServices with DATA_READ and DATA_WRITE and no exemptedMembers. Judged
#   only when the project's IAM policy and all of its ancestors' policies are in the
#   inventory (otherwise the setting may be inherited from a level that was not exported).
# custom:
#   id: GCP-LOGGING-009
#   severity: medium
#   scope: account
#   frameworks:
#     cis-gcp-5.0: ["2.1"]
#   remediation: docs/kaizen/GCP-LOGGING-009.md
package kumo.gcp.logging.data_access_audit_logs

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

project := p if {
	some p in resources_of("cloudresourcemanager.googleapis.com/Project")
	p.account == input.account
}

ancestor_policies := [pol |
	some a in as_array(object.get(project, "ancestors", []))
	not startswith(a, "projects/")
	some t in ["cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
	res := object.get(resources_of(t), concat("", ["//cloudresourcemanager.googleapis.com/", a]), null)
	res != null
	pol := object.get(res, "iam_policy", {})
]

needed := count([a | some a in as_array(object.get(project, "ancestors", [])); not startswith(a, "projects/")])

judged if {
	object.get(project, "iam_policy", null) != null
	count(ancestor_policies) == needed
}

good_config(pol) if {
	some ac in as_array(object.get(pol, "auditConfigs", []))
	object.get(ac, "service", "") == "allServices"
	types := {upper(object.get(c, "logType", "")) | some c in as_array(object.get(ac, "auditLogConfigs", []))}
	"DATA_READ" in types
	"DATA_WRITE" in types
	every c in as_array(object.get(ac, "auditLogConfigs", [])) {
		count(as_array(object.get(c, "exemptedMembers", []))) == 0
	}
}

covered if good_config(project.iam_policy)

covered if {
	some pol in ancestor_policies
	good_config(pol)
}

deny contains result if {
	judged
	not covered
	result := {"msg": sprintf("project %s has no Data Access audit logging (DATA_READ and DATA_WRITE for allServices, no exemptions) at project, folder or organization level", [input.account]), "evidence": {"auditConfigs": object.get(project.iam_policy, "auditConfigs", [])}}
}
