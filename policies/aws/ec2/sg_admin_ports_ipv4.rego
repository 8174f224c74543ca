# METADATA
# title: "Security groups do not allow SSH or RDP from 0.0.0.0/0"
# description: >-
#   Ingress from 0.0.0.0/0 to remote administration ports (22 SSH, 3389 RDP) — directly,
#   through a port range that includes them, or with all protocols — exposes hosts to
#   internet-wide brute force and exploits. Judged from ipPermissions of the AWS Config
#   security group item.
# custom:
#   id: AWS-EC2-001
#   severity: high
#   resource_types: ["AWS::EC2::SecurityGroup"]
#   frameworks:
#     cis-aws-7.0: ["6.3"]
#     aws-fsbp: ["EC2.13", "EC2.14"]
#   remediation: docs/kaizen/AWS-EC2-001.md
package kumo.aws.ec2.sg_admin_ports_ipv4

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
	"0.0.0.0/0" in cidrs4(p)
	hit := [port | some port in ports; covers(p, port)]
	count(hit) > 0
	result := {
		"msg": sprintf("security group %s allows port(s) %v (protocol %v) from 0.0.0.0/0", [input.name, hit, object.get(p, "ipProtocol", "")]),
		"evidence": {"ports": hit, "fromPort": object.get(p, "fromPort", null), "toPort": object.get(p, "toPort", null), "protocol": object.get(p, "ipProtocol", "")},
	}
}
