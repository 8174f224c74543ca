# METADATA
# title: "Security groups do not expose database ports to the internet"
# description: >-
#   Ingress from 0.0.0.0/0 or ::/0 to common database and cache ports (1433, 1521, 3306,
#   5432, 6379, 9200, 27017) exposes data stores directly. Judged from ipPermissions (ranges
#   and all-protocol rules included).
# custom:
#   id: AWS-EC2-011
#   severity: high
#   resource_types: ["AWS::EC2::SecurityGroup"]
#   frameworks:
#     aws-fsbp: ["EC2.19"]
#   remediation: docs/kaizen/AWS-EC2-011.md
package kumo.aws.ec2.sg_database_ports_not_public

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

db_ports := [1433, 1521, 3306, 5432, 6379, 9200, 27017]

deny contains result if {
	some p in object.get(input.config, "ipPermissions", [])
	some w in ["0.0.0.0/0", "::/0"]
	w in (cidrs4(p) | cidrs6(p))
	some port in db_ports
	covers(p, port)
	proto := lower(sprintf("%v", [object.get(p, "ipProtocol", "")]))
	not proto in {"-1", "all"}
	result := {
		"msg": sprintf("security group %s allows database port %v from %s", [input.name, port, w]),
		"evidence": {"port": port, "source": w},
	}
}
