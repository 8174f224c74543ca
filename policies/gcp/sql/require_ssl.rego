# METADATA
# title: "Cloud SQL instances accept only encrypted connections"
# description: >-
#   Fails unless settings.ipConfiguration.sslMode is ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or (older API) requireSsl is true.
# custom:
#   id: GCP-SQL-018
#   severity: high
#   resource_types: ["sqladmin.googleapis.com/Instance"]
#   frameworks:
#     cis-gcp-5.0: ["6.4"]
#   remediation: docs/kaizen/GCP-SQL-018.md
package kumo.gcp.sql.require_ssl

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

ipc := object.get(cfg, ["settings", "ipConfiguration"], {})

encrypted if upper(sprintf("%v", [object.get(ipc, "sslMode", "")])) in {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

encrypted if {
	object.get(ipc, "sslMode", "") == ""
	is_true(object.get(ipc, "requireSsl", false))
}

deny contains result if {
	not encrypted
	result := {"msg": sprintf("Cloud SQL instance %s accepts unencrypted connections", [input.name]), "evidence": {"sslMode": object.get(ipc, "sslMode", null), "requireSsl": object.get(ipc, "requireSsl", null)}}
}
