# METADATA
# title: "CloudTrail logs S3 object-level read events"
# description: >-
#   S3 data events (read operations such as GetObject) are not logged by default. Account-
#   scoped: judged when at least one trail of the account carries its event selectors
#   (eventSelectors / advancedEventSelectors in config or supplementary, e.g. from get-
#   event-selectors); fails when no trail logs S3 object read events.
# custom:
#   id: AWS-CLOUDTRAIL-006
#   severity: medium
#   scope: account
#   frameworks:
#     cis-aws-7.0: ["4.9"]
#   remediation: docs/kaizen/AWS-CLOUDTRAIL-006.md
package kumo.aws.cloudtrail.s3_object_read_events

import rego.v1

selector_info(t) := object.union(object.get(t, "supplementary", {}), t.config)

has_selector_info(t) if {
	info := selector_info(t)
	some k in ["eventSelectors", "EventSelectors", "advancedEventSelectors", "AdvancedEventSelectors"]
	is_array(object.get(info, k, null))
}

trails := [t | some t in data.kumo.resources["AWS::CloudTrail::Trail"]; t.account == input.account]

judged := [t | some t in trails; has_selector_info(t)]

basic(t) := array.concat(object.get(selector_info(t), "eventSelectors", []), object.get(selector_info(t), "EventSelectors", []))

advanced(t) := array.concat(object.get(selector_info(t), "advancedEventSelectors", []), object.get(selector_info(t), "AdvancedEventSelectors", []))

s3_data_resource(sel) if {
	some d in object.get(sel, "DataResources", object.get(sel, "dataResources", []))
	object.get(d, "Type", object.get(d, "type", "")) == "AWS::S3::Object"
}

basic_rw(sel) := upper(sprintf("%v", [object.get(sel, "ReadWriteType", object.get(sel, "readWriteType", "All"))]))

adv_fields(sel) := {lower(object.get(f, "Field", object.get(f, "field", ""))): object.get(f, "Equals", object.get(f, "equals", [])) |
	some f in object.get(sel, "FieldSelectors", object.get(sel, "fieldSelectors", []))
}

adv_s3_data(sel) if {
	"Data" in adv_fields(sel)["eventcategory"]
	"AWS::S3::Object" in adv_fields(sel)["resources.type"]
}

logs_read(t) if {
	some sel in basic(t)
	s3_data_resource(sel)
	basic_rw(sel) in ["ALL", "READONLY"]
}

logs_read(t) if {
	some sel in advanced(t)
	adv_s3_data(sel)
	not "readonly" in object.keys(adv_fields(sel))
}

logs_read(t) if {
	some sel in advanced(t)
	adv_s3_data(sel)
	"true" in adv_fields(sel)["readonly"]
}

deny contains result if {
	count(judged) > 0
	not any_trail
	result := {
		"msg": sprintf("no CloudTrail trail of account %s logs S3 object-level read events", [input.account]),
		"evidence": {"trails_with_selectors": [t.name | some t in judged]},
	}
}

any_trail if {
	some t in judged
	logs_read(t)
}
