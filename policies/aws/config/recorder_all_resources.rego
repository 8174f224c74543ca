# METADATA
# title: "AWS Config records all resource types, including global ones"
# description: >-
#   A configuration recorder limited to some resource types leaves the rest unrecorded — and
#   unjudged by kumo. Judged from recordingGroup.allSupported and includeGlobalResourceTypes
#   of the recorder (AWS Config item or describe-configuration-recorders output), and from
#   recording / lastStatus when the recorder status is merged in.
# custom:
#   id: AWS-CONFIG-001
#   severity: medium
#   resource_types: ["AWS::Config::ConfigurationRecorder"]
#   frameworks:
#     cis-aws-7.0: ["4.3"]
#     aws-fsbp: ["Config.1"]
#   remediation: docs/kaizen/AWS-CONFIG-001.md
package kumo.aws.config.recorder_all_resources

import rego.v1

group := field(input.config, "recordingGroup")

deny contains result if {
	not is_true(field(group, "allSupported"))
	result := {"msg": sprintf("AWS Config recorder %s in %s does not record all supported resource types", [input.name, input.region]), "evidence": {"recordingGroup": group}}
}

deny contains result if {
	not is_true(field(group, "includeGlobalResourceTypes"))
	not global_elsewhere
	result := {"msg": sprintf("no AWS Config recorder of account %s records global resource types (IAM)", [input.account]), "evidence": {"recordingGroup": group}}
}

deny contains result if {
	is_false(field(input.config, "recording"))
	result := {"msg": sprintf("AWS Config recorder %s in %s is stopped", [input.name, input.region]), "evidence": {"recording": false}}
}

global_elsewhere if {
	some r in data.kumo.resources["AWS::Config::ConfigurationRecorder"]
	r.account == input.account
	r.id != input.id
	is_true(field(field(r.config, "recordingGroup"), "includeGlobalResourceTypes"))
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
