// Internal: the compiled program (rule tree) and the query plan the
// evaluator runs. Built by compiler.cc, run by eval.cc; not a public API.
#ifndef KUMO_REGO_PROGRAM_H_
#define KUMO_REGO_PROGRAM_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rego/ast.h"
#include "rego/builtins/builtin.h"
#include "rego/rego.h"

namespace kumo::rego {

// One node of the `data` tree: a package, a rule, or a prefix of either.
struct DataNode {
  Value key;
  DataNode* parent = nullptr;
  std::vector<Value> path;  // below data
  std::string path_str;     // "data.a.b"
  std::map<Value, std::unique_ptr<DataNode>> children;
  std::vector<Rule*> rules;  // value-defining rules whose static prefix ends here
  std::vector<Rule*> funcs;  // function definitions named by this path
  Rule* default_rule = nullptr;
  Rule* default_func = nullptr;
  bool rules_below = false;  // any rule at or under this node
  // The rules here read neither `input` nor anything that does, call no
  // nondeterministic builtin or print, and use no `with`: their document
  // depends only on the program and `data`, so an evaluator may keep it
  // across evaluations with the same data (see eval.cc).
  bool input_independent = false;
  int id = 0;
};

class ProgramImpl;

// Evaluator-handled builtins (Term::special).
// kSpecialTemplateCapture marks the set comprehension that wraps a template
// string expression with `with` modifiers: its members are the expression's
// values.
enum Special {
  kSpecialNone = 0,
  kSpecialPrint = 1,
  kSpecialWalk = 2,
  kSpecialTrace = 3,
  kSpecialTemplateCapture = 4,
};

// A compiled query.
struct QueryPlan {
  std::string text;
  std::string file = "query";
  Body body;
  int frame_size = 0;
  std::vector<std::pair<std::string, int>> output_vars;  // bindings reported
  const ProgramImpl* program = nullptr;
};

class ProgramImpl : public Program, public std::enable_shared_from_this<ProgramImpl> {
 public:
  RegoResult<std::shared_ptr<const PreparedQuery>> Prepare(std::string_view query) const override;
  const std::vector<Annotation>& annotations() const override { return annotations_; }
  std::vector<std::string> packages() const override;
  std::vector<std::string> rules(std::string_view package_path) const override;

  std::vector<std::unique_ptr<Module>> modules_;
  std::unique_ptr<DataNode> root_;
  int node_count_ = 0;
  std::vector<Annotation> annotations_;
  CompileOptions opts_;
  const BuiltinRegistry* builtins_ = nullptr;
  // Per rule: chain of annotations for rego.metadata.chain().
  std::map<const Rule*, Value> rule_metadata_;  // rego.metadata.rule()
  std::map<const Rule*, Value> rule_chain_;     // rego.metadata.chain()

  DataNode* FindNode(const std::vector<Value>& path) const;
};

// Compiles a parsed query against a program (compiler.cc).
RegoResult<std::shared_ptr<QueryPlan>> CompileQuery(const ProgramImpl& prog, std::string_view text);

// Evaluates a plan (eval.cc).
RegoResult<std::vector<ResultRow>> EvalPlan(const QueryPlan& plan, const Value& input,
                                            const EvalOptions& opts);
// Evaluates with no input document at all (`input` is undefined).
RegoResult<std::vector<ResultRow>> EvalPlanNoInput(const QueryPlan& plan, const EvalOptions& opts);

// Rego's text form of a value (used by print, template strings, errors):
// strings quoted, sets as {..} or set().
std::string FormatValue(const Value& v);
// JSON text (sets as arrays); exact numbers.
std::string ValueToJson(const Value& v, bool pretty = false);
// Converts sets to sorted arrays and non-string object keys to their JSON
// text, as OPA's JSON output does.
Value ToJsonCompatible(const Value& v);

}  // namespace kumo::rego

#endif  // KUMO_REGO_PROGRAM_H_
