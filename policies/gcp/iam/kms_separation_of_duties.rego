# METADATA
# title: "No principal is both Cloud KMS Admin and a CryptoKey encrypter/decrypter"
# description: >-
#   A key administrator who can also use keys can decrypt everything the keys protect and
#   change the keys' policies without anyone noticing. Fails for each member bound to
#   roles/cloudkms.admin and any of the CryptoKey Encrypter/Decrypter, Encrypter or
#   Decrypter roles.
# custom:
#   id: GCP-IAM-006
#   severity: medium
#   resource_types: ["cloudresourcemanager.googleapis.com/Project", "cloudresourcemanager.googleapis.com/Folder", "cloudresourcemanager.googleapis.com/Organization"]
#   frameworks:
#     cis-gcp-5.0: ["1.12"]
#     kumo-iam: ["separation-of-duties"]
#   remediation: docs/kaizen/GCP-IAM-006.md
package kumo.gcp.iam.kms_separation_of_duties

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

members_of(role) := {m | some b in bindings; b.role == role; some m in as_array(object.get(b, "members", []))}

use_roles := {"roles/cloudkms.cryptoKeyEncrypterDecrypter", "roles/cloudkms.cryptoKeyEncrypter", "roles/cloudkms.cryptoKeyDecrypter"}

deny contains result if {
	some m in members_of("roles/cloudkms.admin")
	some r in use_roles
	m in members_of(r)
	result := {"msg": sprintf("%s is both Cloud KMS Admin and %s on %s", [m, r, input.name]), "evidence": {"member": m, "role": r}}
}
