# METADATA
# title: "NSGs do not allow HTTP(S) from the internet"
# description: >-
#   An inbound Allow rule for HTTP(S) (port 80, 443) from *, Internet, Any or a /0 range
#   exposes the service to the whole internet. Checks every securityRules entry (ARM and
#   CLI-flattened), including port ranges and lists.
# custom:
#   id: AZ-NETWORK-004
#   severity: low
#   resource_types: ["microsoft.network/networksecuritygroups"]
#   frameworks:
#     cis-azure-6.0: ["7.4"]
#   remediation: docs/kaizen/AZ-NETWORK-004.md
package kumo.azure.network.http_internet

import rego.v1

props := object.get(input, ["config", "properties"], {})

is_true(v) if lower(sprintf("%v", [v])) == "true"

as_array(x) := x if is_array(x)

as_array(x) := [] if not is_array(x)

default kumo_resources := {}

kumo_resources := data.kumo.resources

resources_of(t) := object.get(kumo_resources, t, {})

rules contains r if {
	some rule in as_array(object.get(props, "securityRules", []))
	body := object.get(rule, "properties", rule)
	is_object(body)
	r := object.union(body, {"name": object.get(rule, "name", object.get(body, "name", "?"))})
}

internet_sources := {"*", "0.0.0.0", "0.0.0.0/0", "internet", "any", "::/0"}

from_internet(r) if {
	some src in array.concat([object.get(r, "sourceAddressPrefix", "")], as_array(object.get(r, "sourceAddressPrefixes", [])))
	s := lower(sprintf("%v", [src]))
	s in internet_sources
}

from_internet(r) if {
	some src in array.concat([object.get(r, "sourceAddressPrefix", "")], as_array(object.get(r, "sourceAddressPrefixes", [])))
	s := sprintf("%v", [src])
	s != "0.0.0.0/0"
	endswith(s, "/0")
}

allow_inbound(r) if {
	lower(sprintf("%v", [object.get(r, "access", "")])) == "allow"
	lower(sprintf("%v", [object.get(r, "direction", "")])) == "inbound"
}

dest_ports(r) := array.concat([object.get(r, "destinationPortRange", "")], as_array(object.get(r, "destinationPortRanges", [])))

port_open(r, port) if {
	some p in dest_ports(r)
	sprintf("%v", [p]) == "*"
}

port_open(r, port) if {
	some p in dest_ports(r)
	sprintf("%v", [p]) == sprintf("%d", [port])
}

port_open(r, port) if {
	some p in dest_ports(r)
	s := sprintf("%v", [p])
	regex.match(`^[0-9]+-[0-9]+$`, s)
	parts := split(s, "-")
	to_number(parts[0]) <= port
	port <= to_number(parts[1])
}

proto_is(r, protos) if lower(sprintf("%v", [object.get(r, "protocol", "*")])) in protos

deny contains result if {
	some r in rules
	allow_inbound(r)
	proto_is(r, ["tcp", "*"])
	from_internet(r)
	some port in [80, 443]
	port_open(r, port)
	result := {"msg": sprintf("NSG %s allows HTTP(S) (port %d) from the internet in rule %v", [input.name, port, object.get(r, "name", "?")]), "evidence": {"port": port, "source": object.get(r, "sourceAddressPrefix", "")}}
}
