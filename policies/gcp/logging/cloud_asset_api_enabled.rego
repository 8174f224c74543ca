# METADATA
# title: "The Cloud Asset Inventory API is enabled"
# description: >-
#   Account-scoped: judged when the inventory lists the project's enabled services
#   (serviceusage.googleapis.com/Service); fails when cloudasset.googleapis.com is not among
#   the ENABLED ones.
# custom:
#   id: GCP-LOGGING-012
#   severity: low
#   scope: account
#   frameworks:
#     cis-gcp-5.0: ["2.14"]
#   remediation: docs/kaizen/GCP-LOGGING-012.md
package kumo.gcp.logging.cloud_asset_api_enabled

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

services := [s | some s in resources_of("serviceusage.googleapis.com/Service"); s.account == input.account]

judged if count(services) > 0

enabled if {
	some s in services
	endswith(sprintf("%v", [object.get(s.config, "name", s.name)]), "cloudasset.googleapis.com")
	upper(sprintf("%v", [object.get(s.config, "state", "")])) == "ENABLED"
}

deny contains result if {
	judged
	not enabled
	result := {"msg": sprintf("Cloud Asset API is not enabled in project %s", [input.account]), "evidence": {}}
}
