# METADATA
# title: "Network ACLs do not allow SSH or RDP from the internet"
# description: >-
#   An inbound network ACL entry that allows 0.0.0.0/0 or ::/0 on a port range including 22
#   or 3389 (TCP, UDP or all protocols) leaves the subnet's administration ports to security
#   groups alone. Judged from entries of the AWS Config network ACL item.
# custom:
#   id: AWS-EC2-005
#   severity: medium
#   resource_types: ["AWS::EC2::NetworkAcl"]
#   frameworks:
#     cis-aws-7.0: ["6.2"]
#     aws-fsbp: ["EC2.21"]
#   remediation: docs/kaizen/AWS-EC2-005.md
package kumo.aws.ec2.nacl_admin_ports

import rego.v1

covers(e, port) if {
	lower(sprintf("%v", [object.get(e, "protocol", "")])) in {"-1", "all"}
}

covers(e, port) if {
	lower(sprintf("%v", [object.get(e, "protocol", "")])) in {"6", "17", "tcp", "udp"}
	range := object.get(e, "portRange", {})
	to_number(object.get(range, "from", 0)) <= port
	port <= to_number(object.get(range, "to", 65535))
}

deny contains result if {
	some e in object.get(input.config, "entries", [])
	not is_true(object.get(e, "egress", false))
	lower(sprintf("%v", [object.get(e, "ruleAction", "")])) == "allow"
	src := object.get(e, "cidrBlock", object.get(e, "ipv6CidrBlock", ""))
	src in {"0.0.0.0/0", "::/0"}
	some port in [22, 3389]
	covers(e, port)
	result := {
		"msg": sprintf("network ACL %s rule %v allows port %v from %s", [input.name, object.get(e, "ruleNumber", "?"), port, src]),
		"evidence": {"entry": e},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"
