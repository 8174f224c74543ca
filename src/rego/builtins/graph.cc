// Graph builtins: graph.reachable and graph.reachable_paths.
//
// A graph is an object from vertex to its neighbours (an array or set);
// missing or non-collection neighbour lists mean "no edges". (walk is an
// evaluator-bound builtin and lives in core.cc.)
#include <deque>
#include <unordered_map>
#include <vector>

#include "rego/builtins/b_args.h"
#include "rego/builtins/categories.h"

namespace kumo::rego {

namespace {

// The neighbours of a vertex's edge value (arrays and sets only).
std::span<const Value> Neighbours(const Value* edges) {
  if (edges == nullptr || (!edges->is_array() && !edges->is_set())) return {};
  return edges->items();
}

bool CheckOperands(BuiltinContext& ctx, std::span<const Value> args) {
  if (!args[0].is_object()) return bargs::OperandTypeError(ctx, 1, args[0], "object");
  if (!args[1].is_array() && !args[1].is_set()) {
    return bargs::OperandTypeError(ctx, 2, args[1], "{array, set}");
  }
  return true;
}

bool Reachable(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!CheckOperands(ctx, args)) return false;
  const Value& graph = args[0];
  std::deque<Value> queue(args[1].items().begin(), args[1].items().end());
  std::vector<Value> reached;
  std::unordered_map<Value, bool, ValueHash> seen;
  while (!queue.empty()) {
    Value node = std::move(queue.front());
    queue.pop_front();
    const Value* edges = graph.Find(node);
    if (edges == nullptr || seen.count(node)) continue;
    seen.emplace(node, true);
    reached.push_back(node);
    for (const Value& n : Neighbours(edges)) {
      if (!seen.count(n)) queue.push_back(n);
    }
  }
  *out = Value::Set(std::move(reached));
  return true;
}

// Depth-first enumeration of maximal simple paths (OPA's pathBuilder).
class PathBuilder {
 public:
  explicit PathBuilder(const Value& graph) : graph_(graph) {}

  void Visit(const Value& root, std::vector<Value>& path, std::vector<Value>& on_path) {
    const Value* edges = graph_.Find(root);
    if (edges == nullptr) {
      // A vertex outside the graph ends the path without being part of it.
      out_.push_back(Value::Array(path));
      return;
    }
    path.push_back(root);
    auto neighbours = Neighbours(edges);
    if (neighbours.empty()) {
      out_.push_back(Value::Array(path));
      path.pop_back();
      return;
    }
    on_path.push_back(root);
    for (const Value& n : neighbours) {
      bool cycle = false;
      for (const Value& v : on_path) cycle |= v == n;
      if (cycle) {
        out_.push_back(Value::Array(path));
      } else {
        Visit(n, path, on_path);
      }
    }
    on_path.pop_back();
    path.pop_back();
  }

  std::vector<Value>& result() { return out_; }

 private:
  const Value& graph_;
  std::vector<Value> out_;
};

bool ReachablePaths(BuiltinContext& ctx, std::span<const Value> args, Value* out) {
  if (!CheckOperands(ctx, args)) return false;
  PathBuilder builder(args[0]);
  for (const Value& node : args[1].items()) {
    const Value* edges = args[0].Find(node);
    if (edges == nullptr) continue;
    auto neighbours = Neighbours(edges);
    if (neighbours.empty()) {
      builder.result().push_back(Value::Array({node}));
      continue;
    }
    for (const Value& n : neighbours) {
      std::vector<Value> path{node};
      std::vector<Value> on_path{node};
      builder.Visit(n, path, on_path);
    }
  }
  *out = Value::Set(std::move(builder.result()));
  return true;
}

}  // namespace

void RegisterGraphBuiltins(BuiltinRegistry& r) {
  r.Add({.name = "graph.reachable",
         .decl = "(object[any: any<array[any], set[any]>], any<array[any], set[any]>) => set[any]",
         .arity = 2,
         .fn = Reachable});
  r.Add({.name = "graph.reachable_paths",
         .decl = "(object[any: any<array[any], set[any]>], any<array[any], set[any]>) => "
                 "set[array[any]]",
         .arity = 2,
         .fn = ReachablePaths});
}

}  // namespace kumo::rego
