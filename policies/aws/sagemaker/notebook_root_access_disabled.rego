# METADATA
# title: "SageMaker notebook instances do not grant root access"
# description: >-
#   Root access on a notebook lets any user change the system, install unreviewed packages
#   and tamper with other users' work. Judged from RootAccess (default Enabled).
# custom:
#   id: AWS-SAGEMAKER-002
#   severity: low
#   resource_types: ["AWS::SageMaker::NotebookInstance"]
#   frameworks:
#     owasp-llm-2025: ["LLM03", "LLM06"]
#   remediation: docs/kaizen/AWS-SAGEMAKER-002.md
package kumo.aws.sagemaker.notebook_root_access_disabled

import rego.v1

deny contains result if {
	v := field(input.config, "rootAccess")
	lower(sprintf("%v", [v])) != "disabled"
	result := {
		"msg": sprintf("SageMaker notebook %s allows root access", [input.name]),
		"evidence": {"RootAccess": v},
	}
}

is_true(v) if lower(sprintf("%v", [v])) == "true"

is_false(v) if lower(sprintf("%v", [v])) == "false"

# field reads a key spelled as the API does (camelCase) or as CloudFormation does (PascalCase).
field(obj, name) := object.get(obj, name, object.get(obj, upper_first(name), null)) if is_object(obj)

field(obj, name) := null if not is_object(obj)

upper_first(s) := concat("", [upper(substring(s, 0, 1)), substring(s, 1, -1)])
