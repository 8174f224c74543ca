# METADATA
# title: "Security groups do not expose CIFS/SMB (445) to the internet"
# description: >-
#   Port 445 (CIFS/SMB) open to 0.0.0.0/0 or ::/0 exposes file shares to wormable exploits
#   and credential attacks. Judged from ipPermissions (ranges and all-protocol rules
#   included).
# custom:
#   id: AWS-EC2-003
#   severity: high
#   resource_types: ["AWS::EC2::SecurityGroup"]
#   frameworks:
#     cis-aws-7.0: ["6.1.2"]
#   remediation: docs/kaizen/AWS-EC2-003.md
package kumo.aws.ec2.sg_cifs_not_public

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

deny contains result if {
	some p in object.get(input.config, "ipPermissions", [])
	some w in ["0.0.0.0/0", "::/0"]
	w in (cidrs4(p) | cidrs6(p))
	covers(p, 445)
	result := {
		"msg": sprintf("security group %s allows CIFS/SMB (445) from %s", [input.name, w]),
		"evidence": {"source": w, "protocol": object.get(p, "ipProtocol", "")},
	}
}
