# METADATA
# title: "PAM entitlements for privileged roles need approval and expire within 8 hours"
# description: >-
#   A Privileged Access Manager entitlement that grants an IAM-administration role without a
#   manual approval step, or for longer than 8 hours, is a standing grant in disguise. Fails
#   when an entitlement binds a privileged role and has no approval steps or a
#   maxRequestDuration above 28800s.
# custom:
#   id: GCP-IAM-010
#   severity: medium
#   resource_types: ["privilegedaccessmanager.googleapis.com/Entitlement"]
#   frameworks:
#     kumo-iam: ["just-in-time-access"]
#   remediation: docs/kaizen/GCP-IAM-010.md
package kumo.gcp.iam.pam_entitlement_approval

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

privileged := {"roles/owner", "roles/resourcemanager.projectIamAdmin", "roles/resourcemanager.folderIamAdmin", "roles/resourcemanager.organizationAdmin", "roles/iam.securityAdmin", "roles/iam.organizationRoleAdmin", "roles/iam.serviceAccountTokenCreator"}

grants_privileged if {
	some rb in as_array(object.get(cfg, ["privilegedAccess", "gcpIamAccess", "roleBindings"], []))
	object.get(rb, "role", "") in privileged
}

has_approval if count(as_array(object.get(cfg, ["approvalWorkflow", "manualApprovals", "steps"], []))) > 0

duration_s := to_number(trim_suffix(sprintf("%v", [object.get(cfg, "maxRequestDuration", "0s")]), "s"))

deny contains result if {
	grants_privileged
	not has_approval
	result := {"msg": sprintf("PAM entitlement %s grants a privileged role without an approval step", [input.name]), "evidence": {"approvalWorkflow": object.get(cfg, "approvalWorkflow", null)}}
}

deny contains result if {
	grants_privileged
	regex.match(`^[0-9]+(\.[0-9]+)?s?$`, sprintf("%v", [object.get(cfg, "maxRequestDuration", "0s")]))
	duration_s > 28800
	result := {"msg": sprintf("PAM entitlement %s allows grants of %v", [input.name, cfg.maxRequestDuration]), "evidence": {"maxRequestDuration": cfg.maxRequestDuration}}
}
