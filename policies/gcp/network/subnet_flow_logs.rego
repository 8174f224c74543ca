# METADATA
# title: "VPC subnets record flow logs with full sampling and metadata"
# description: >-
#   For PRIVATE subnets (proxy-only and other special-purpose subnets are skipped): fails
#   when flow logs are off (logConfig.enable / enableFlowLogs), or when flowSampling is
#   below 1 or metadata is not INCLUDE_ALL_METADATA.
# custom:
#   id: GCP-NETWORK-005
#   severity: low
#   resource_types: ["compute.googleapis.com/Subnetwork"]
#   frameworks:
#     cis-gcp-5.0: ["3.10"]
#   remediation: docs/kaizen/GCP-NETWORK-005.md
package kumo.gcp.network.subnet_flow_logs

import rego.v1

cfg := object.get(input, "config", {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

bindings := [b | some b in as_array(object.get(object.get(input, "iam_policy", {}), "bindings", []))]

private if upper(sprintf("%v", [object.get(cfg, "purpose", "PRIVATE")])) in {"PRIVATE", "PRIVATE_RFC_1918"}

enabled if is_true(object.get(cfg, ["logConfig", "enable"], false))

enabled if is_true(object.get(cfg, "enableFlowLogs", false))

deny contains result if {
	private
	not enabled
	result := {"msg": sprintf("subnet %s does not record VPC flow logs", [input.name]), "evidence": {"logConfig": object.get(cfg, "logConfig", null)}}
}

deny contains result if {
	private
	enabled
	to_number(object.get(cfg, ["logConfig", "flowSampling"], 1)) < 1
	result := {"msg": sprintf("subnet %s samples only %v of flows", [input.name, cfg.logConfig.flowSampling]), "evidence": {"flowSampling": cfg.logConfig.flowSampling}}
}

deny contains result if {
	private
	enabled
	upper(sprintf("%v", [object.get(cfg, ["logConfig", "metadata"], "INCLUDE_ALL_METADATA")])) != "INCLUDE_ALL_METADATA"
	result := {"msg": sprintf("subnet %s flow logs omit metadata", [input.name]), "evidence": {"metadata": cfg.logConfig.metadata}}
}
