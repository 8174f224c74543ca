# METADATA
# title: "Security groups do not allow SSH or RDP from ::/0"
# description: >-
#   Ingress from ::/0 to ports 22 or 3389 (directly, in a range, or all protocols) exposes
#   hosts over IPv6, which is often forgotten when IPv4 rules are reviewed. Judged from
#   ipv6Ranges of ipPermissions.
# custom:
#   id: AWS-EC2-002
#   severity: high
#   resource_types: ["AWS::EC2::SecurityGroup"]
#   frameworks:
#     cis-aws-7.0: ["6.4"]
#     aws-fsbp: ["EC2.13", "EC2.14"]
#   remediation: docs/kaizen/AWS-EC2-002.md
package kumo.aws.ec2.sg_admin_ports_ipv6

import rego.v1

# A rule covers a port when its protocol is tcp/udp/all and its range includes the port.
covers(p, port) if {
	proto := lower(sprintf("%v", [object.get(p, "ipProtocol", "")]))
	proto in {"-1", "all"}
}

covers(p, port) if {
	proto := lower(sprintf("%v", [object.get(p, "ipProtocol", "")]))
	proto in {"tcp", "6", "udp", "17"}
	from := to_number(object.get(p, "fromPort", 0))
	to := to_number(object.get(p, "toPort", 65535))
	from <= port
	port <= to
}

cidrs4(p) := {c | some r in object.get(p, "ipv4Ranges", []); c := object.get(r, "cidrIp", "")} | {c | some c in object.get(p, "ipRanges", []); is_string(c)}

cidrs6(p) := {c | some r in object.get(p, "ipv6Ranges", []); c := object.get(r, "cidrIpv6", "")}

ports := [22, 3389]

deny contains result if {
	some p in object.get(input.config, "ipPermissions", [])
	"::/0" in cidrs6(p)
	hit := [port | some port in ports; covers(p, port)]
	count(hit) > 0
	result := {
		"msg": sprintf("security group %s allows port(s) %v (protocol %v) from ::/0", [input.name, hit, object.get(p, "ipProtocol", "")]),
		"evidence": {"ports": hit, "fromPort": object.get(p, "fromPort", null), "toPort": object.get(p, "toPort", null), "protocol": object.get(p, "ipProtocol", "")},
	}
}
