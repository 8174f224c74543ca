// The Rego evaluator: top-down, depth-first, with backtracking written in
// continuation-passing style. Every generator (a ref that iterates, a rule
// with many solutions, a call of `walk`) calls its continuation once per
// solution; a binding lives exactly as long as the continuation call, so
// backtracking needs no trail. Continuations return false to stop (after an
// error or when the caller has seen enough, e.g. for `not`).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <type_traits>
#include <unordered_map>

#include "rego/program.h"

namespace kumo::rego {

namespace {

// A non-owning reference to a callable (cheaper than std::function: no
// allocation). Only valid while the referenced callable is alive, which
// continuation-passing guarantees.
template <typename Sig>
class FnRef;
template <typename R, typename... A>
class FnRef<R(A...)> {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FnRef>>>
  FnRef(F&& f)  // NOLINT: implicit by design
      : obj_(const_cast<void*>(static_cast<const void*>(&f))), call_([](void* o, A... a) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(o))(a...);
        }) {}
  R operator()(A... a) const { return call_(obj_, a...); }

 private:
  void* obj_;
  R (*call_)(void*, A...);
};

using Cont = FnRef<bool()>;
using VCont = FnRef<bool(const Value&)>;

// A variable's binding. Most bindings borrow: the binder passes a value
// that stays alive and unchanged until it unbinds the slot (the value handed
// to its continuation, a member of the collection it iterates, a part of
// input, another slot's value bound before it), so no reference count is
// touched. A value computed for the binding alone is held in `own`.
struct Slot {
  const Value* p = nullptr;  // the bound value; nullptr while unbound
  Value own;
  bool bound() const { return p != nullptr; }
  const Value& v() const { return *p; }
  void Borrow(const Value& x) { p = &x; }
  void Own(Value&& x) {
    own = std::move(x);
    p = &own;
  }
  void Unbind() {
    p = nullptr;
    if (!own.is_null()) own = Value();
  }
};

struct CacheEntry {
  uint8_t state = 0;    // 0 none, 1 computing, 2 done
  uint32_t serial = 0;  // the evaluation that computed it (persistent cache)
  bool defined = false;
  Value v;
};

struct Mock {
  const Term* fn = nullptr;  // a call term naming the replacement
  Value value;
};

// Per-thread memory an evaluation reuses from the previous one: the frame
// stack (slots of rule and function frames, allocated and released in LIFO
// order) and the rule-document cache (only the entries an evaluation touched
// are reset afterwards, so a program with thousands of rules does not pay
// for clearing them on every evaluation).
struct EvalScratch {
  struct Chunk {
    std::unique_ptr<Slot[]> slots;
    size_t size = 0;
  };
  std::vector<Chunk> chunks;
  size_t chunk = 0;
  size_t used = 0;
  std::vector<CacheEntry> cache;
  std::vector<int> touched;
  uint32_t serial = 0;  // evaluations run with this scratch
  // Documents of input-independent rules (DataNode::input_independent),
  // kept across evaluations of the same program with the same data and
  // options: a control that joins over all resources of a scan computes
  // its table once per thread, not once per resource.
  struct Persistent {
    std::weak_ptr<const ProgramImpl> prog;
    const ProgramImpl* raw = nullptr;
    Value data;
    bool strict = false;
    std::vector<CacheEntry> cache;
  } persistent;
};

// Whether two data documents are certainly the same: the same shared node
// (kept alive by the persistent cache, so it cannot have been reused) or
// equal inline values.
bool SameDocument(const Value& a, const Value& b) {
  if (a.node_identity() != nullptr || b.node_identity() != nullptr)
    return a.node_identity() == b.node_identity();
  return a == b;
}

struct FrameMark {
  size_t chunk = 0;
  size_t used = 0;
};

class ScratchPool {
 public:
  std::unique_ptr<EvalScratch> Get() {
    if (free_.empty()) return std::make_unique<EvalScratch>();
    auto s = std::move(free_.back());
    free_.pop_back();
    return s;
  }
  void Put(std::unique_ptr<EvalScratch> s) {
    if (free_.size() < 8) free_.push_back(std::move(s));
  }

 private:
  std::vector<std::unique_ptr<EvalScratch>> free_;
};

ScratchPool& ThreadScratchPool() {
  thread_local ScratchPool pool;
  return pool;
}

// Call arguments and the operands of a literal array/set/object while it is
// built. The evaluator hands every value to a continuation that runs while
// the value is alive (see the file comment), so the buffer holds bitwise,
// non-owning copies: filling it takes no reference counts and emptying it
// runs no destructors. Readers may copy the values (taking their own
// reference) but must not move from them. On the stack for up to 8 values.
class ArgBuf {
 public:
  explicit ArgBuf(size_t n) : n_(n) {
    if (n > kInline) heap_.reset(new unsigned char[n * sizeof(Value)]);
    data_ = n > kInline ? heap_.get() : inline_;
  }
  ArgBuf(const ArgBuf&) = delete;
  ArgBuf& operator=(const ArgBuf&) = delete;
  // Valid until `v` dies or slot i is set again.
  void Set(size_t i, const Value& v) {
    std::memcpy(data_ + i * sizeof(Value), static_cast<const void*>(&v), sizeof(Value));
  }
  // All n values must have been Set.
  std::span<const Value> span() const {
    return {std::launder(reinterpret_cast<const Value*>(data_)), n_};
  }
  size_t size() const { return n_; }

 private:
  static constexpr size_t kInline = 8;
  size_t n_;
  unsigned char* data_;
  alignas(Value) unsigned char inline_[kInline * sizeof(Value)];
  std::unique_ptr<unsigned char[]> heap_;
};

// An array of copies of `src` (for ArgBuf contents, which it does not own).
Value ArrayOfCopies(std::span<const Value> src) {
  Value small[8];
  std::vector<Value> big;
  Value* dst = small;
  if (src.size() > 8) {
    big.resize(src.size());
    dst = big.data();
  }
  std::copy(src.begin(), src.end(), dst);
  return Value::ArrayFrom(dst, src.size());
}

const Value* LookupKey(const Value& v, const Value& key) {
  switch (v.kind()) {
    case ValueKind::kObject: return v.Find(key);
    case ValueKind::kArray: {
      if (!key.is_number() || !key.is_int64()) return nullptr;
      int64_t i = key.as_int64();
      if (i < 0) return nullptr;
      return v.At(static_cast<size_t>(i));
    }
    case ValueKind::kSet: {
      auto items = v.items();
      if (key.is_string()) {
        // Members are ordered by kind, then strings bytewise: search the
        // strings without the generic comparison.
        std::string_view ks = key.as_string();
        auto it = std::lower_bound(items.begin(), items.end(), ks,
                                   [](const Value& m, std::string_view k) {
                                     if (m.kind() != ValueKind::kString)
                                       return m.kind() < ValueKind::kString;
                                     return m.as_string() < k;
                                   });
        if (it != items.end() && it->is_string() && it->as_string() == ks) return &*it;
        return nullptr;
      }
      auto it = std::lower_bound(items.begin(), items.end(), key,
                                 [](const Value& a, const Value& b) { return Compare(a, b) < 0; });
      if (it != items.end() && Compare(*it, key) == 0) return &*it;
      return nullptr;
    }
    default: return nullptr;
  }
}

// LookupKey with a constant key term: objects are searched from the term's
// position hint.
const Value* LookupConstKey(const Value& v, const Term& key) {
  if (v.kind() == ValueKind::kObject) return v.Find(key.value, &key.hint.pos);
  return LookupKey(v, key.value);
}

Value Upsert(const Value& base, std::span<const Value> path, const Value& v) {
  if (path.empty()) return v;
  std::vector<ObjectEntry> entries;
  const Value* child = nullptr;
  if (base.is_object()) {
    for (const auto& e : base.entries()) entries.push_back(e);
    child = base.Find(path[0]);
  }
  Value nc = Upsert(child ? *child : Value::EmptyObject(), path.subspan(1), v);
  bool replaced = false;
  for (auto& e : entries)
    if (e.first == path[0]) {
      e.second = nc;
      replaced = true;
    }
  if (!replaced) entries.emplace_back(path[0], nc);
  return Value::Object(std::move(entries));
}

// Mutable object tree used to assemble documents of ref-head rules.
struct DocTree {
  std::map<Value, DocTree> kids;
  bool leaf = false;
  bool is_set = false;
  Value v;
  std::vector<Value> members;

  // Builds the document, consuming the tree.
  Value ToValue() {
    if (leaf) return std::move(v);
    if (is_set) return Value::Set(std::move(members));
    std::vector<ObjectEntry> e;
    e.reserve(kids.size());
    for (auto& [k, c] : kids) e.emplace_back(k, c.ToValue());
    return Value::Object(std::move(e));
  }
};

class Evaluator {
 public:
  Evaluator(const ProgramImpl& prog, const EvalOptions& opts, const Value* input)
      : prog_(prog), opts_(opts) {
    input_ = input;
    own_base_ = Value::EmptyObject();
    base_data_ = opts.data ? opts.data : &own_base_;
    scratch_ = ThreadScratchPool().Get();
    if (scratch_->cache.size() < static_cast<size_t>(prog.node_count_))
      scratch_->cache.resize(prog.node_count_);
    cache_ = scratch_->cache.data();
    touched_ = &scratch_->touched;
    serial_ = ++scratch_->serial;
    auto& pc = scratch_->persistent;
    // Same program as last time: the address matches and the program the
    // cache was made for is still alive (so it is this one). Checked without
    // touching the shared_ptr counts; weak_from_this only on a change.
    bool same_prog = pc.raw == &prog && !pc.prog.expired();
    bool usable = same_prog;
    if (!same_prog) {
      auto self = prog.weak_from_this();
      usable = !self.expired();  // only programs owned by a shared_ptr
      if (usable) {
        pc.prog = self;
        pc.raw = &prog;
        pc.data = *base_data_;
        pc.strict = opts.strict_builtin_errors;
        pc.cache.assign(prog.node_count_, CacheEntry{});
      }
    } else if (pc.strict != opts.strict_builtin_errors || !SameDocument(pc.data, *base_data_)) {
      pc.data = *base_data_;
      pc.strict = opts.strict_builtin_errors;
      pc.cache.assign(prog.node_count_, CacheEntry{});
    }
    if (usable) persistent_ = pc.cache.data();
    // The time budget is checked every 1024 steps; the clock is first read
    // at the first check, so short evaluations never read it.
    bctx_.strict_errors = opts.strict_builtin_errors;
    bctx_.now_ns = opts.now_ns;  // 0: read at the first time.now_ns()
    bctx_.nd_cache = &nd_cache_;
    bctx_.metadata_self = this;
    bctx_.metadata = [](const void* self, bool chain) -> const Value* {
      const auto* ev = static_cast<const Evaluator*>(self);
      if (!ev->current_rule_) return nullptr;
      const auto& m = chain ? ev->prog_.rule_chain_ : ev->prog_.rule_metadata_;
      auto it = m.find(ev->current_rule_);
      return it != m.end() ? &it->second : nullptr;
    };
    if (opts.print) {
      bctx_.print = opts.print;
    }
  }

  ~Evaluator() {
    if (opts_.stats) {
      opts_.stats->steps += steps_;
      opts_.stats->reused_rule_docs += reused_;
    }
    for (int id : scratch_->touched) scratch_->cache[id] = CacheEntry{};
    scratch_->touched.clear();
    scratch_->chunk = 0;
    scratch_->used = 0;
    ThreadScratchPool().Put(std::move(scratch_));
  }
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  bool failed() const { return failed_; }
  const RegoError& error() const { return error_; }

  // --- frames ----------------------------------------------------------------

  // n slots from the frame stack, unbound and null.
  Slot* PushFrame(size_t n, FrameMark* mark) {
    EvalScratch& sc = *scratch_;
    *mark = FrameMark{sc.chunk, sc.used};
    if (sc.chunks.empty()) sc.chunks.push_back({std::make_unique<Slot[]>(1024), 1024});
    if (sc.used + n > sc.chunks[sc.chunk].size) {
      ++sc.chunk;
      size_t want = std::max<size_t>(1024, n);
      if (sc.chunk == sc.chunks.size()) {
        sc.chunks.push_back({std::make_unique<Slot[]>(want), want});
      } else if (sc.chunks[sc.chunk].size < n) {
        sc.chunks[sc.chunk] = {std::make_unique<Slot[]>(want), want};
      }
      sc.used = 0;
    }
    Slot* f = sc.chunks[sc.chunk].slots.get() + sc.used;
    sc.used += n;
    return f;
  }
  void PopFrame(Slot* f, size_t n, const FrameMark& mark) {
    for (size_t i = 0; i < n; ++i) {
      f[i].Unbind();
    }
    scratch_->chunk = mark.chunk;
    scratch_->used = mark.used;
  }
  // A frame for the lifetime of a scope.
  class Frame {
   public:
    Frame(Evaluator* ev, size_t n) : ev_(ev), n_(n) { slots_ = ev->PushFrame(n, &mark_); }
    ~Frame() { ev_->PopFrame(slots_, n_, mark_); }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;
    Slot* data() { return slots_; }

   private:
    Evaluator* ev_;
    size_t n_;
    Slot* slots_;
    FrameMark mark_;
  };

  bool Fail(const std::string& code, const std::string& msg, const Loc& loc) {
    if (!failed_) {
      failed_ = true;
      error_.code = code;
      error_.message = msg;
      error_.file = loc.file ? *loc.file : "";
      error_.row = loc.row;
      error_.col = loc.col;
    }
    return false;
  }

  // --- query ---------------------------------------------------------------

  RegoResult<std::vector<ResultRow>> RunQuery(const QueryPlan& plan) {
    RegoResult<std::vector<ResultRow>> res;
    Frame frame(this, plan.frame_size + 1);
    frame_ = frame.data();
    std::vector<ResultRow> rows;
    // the value of each query expression in the current solution
    Value small[8];
    std::vector<Value> big;
    Value* expr_vals = small;
    if (plan.body.size() > 8) {
      big.resize(plan.body.size());
      expr_vals = big.data();
    }
    RunQueryBody(plan, 0, expr_vals, rows);
    if (failed_) {
      res.errors.errors.push_back(error_);
      return res;
    }
    res.value = std::move(rows);
    return res;
  }

  bool RunQueryBody(const QueryPlan& plan, size_t i, Value* vals, std::vector<ResultRow>& rows) {
    if (i == plan.body.size()) {
      ResultRow row;
      for (const auto& [name, slot] : plan.output_vars) {
        if (frame_[slot].bound()) row.bindings.emplace_back(name, frame_[slot].v());
      }
      // expressions in source order
      row.expressions.reserve(plan.body.size());
      if (plan.body.size() == 1) {
        // set again before the next solution comes here
        row.expressions.push_back(std::move(vals[0]));
      } else {
        std::vector<std::pair<int, Value>> ord;
        for (size_t j = 0; j < plan.body.size(); ++j) ord.emplace_back(plan.body[j].index, vals[j]);
        std::sort(ord.begin(), ord.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [idx, v] : ord) row.expressions.push_back(v);
      }
      rows.push_back(std::move(row));
      return true;
    }
    const Expr& e = plan.body[i];
    return EvalExpr(e, [&]() {
      vals[i] = (e.kind == ExprKind::kTerm && !e.negated && last_term_value_) ? *last_term_value_
                                                                              : Value::Bool(true);
      return RunQueryBody(plan, i + 1, vals, rows);
    });
  }

  // --- bodies and expressions ---------------------------------------------

  // A body is evaluated in two modes. Expressions that have one solution
  // at most and bind at most one plain variable (tests such as
  // `input.x == "y"`, `not p`, `startswith(s, "a")`, and assignments such
  // as `x := input.a.b` or `m := sprintf(...)`) run in a loop, each as a
  // closed evaluation, with their bindings undone after the continuation;
  // the first expression that may have several solutions (iteration,
  // `some ... in`, unification of patterns, `with`) and everything after
  // it goes through the continuation-passing path. The loop keeps the
  // native stack shallow: deep continuation chains cost a mispredicted
  // return per frame.
  bool EvalBody(const Body& b, size_t i, Cont k) {
    if (i == b.size()) return k();
    constexpr size_t kMaxFlatBindings = 16;
    int bound[kMaxFlatBindings];
    size_t nb = 0;
    bool ok = true;  // false: no solution; failed_: error
    size_t j = i;
    for (; j < b.size() && nb < kMaxFlatBindings; ++j) {
      Flat f = TryFlat(b[j], &bound[nb], &nb);
      if (f == Flat::kNo) break;
      if (f != Flat::kTrue) {
        ok = false;
        break;
      }
    }
    bool r;
    if (!ok) {
      r = !failed_;
    } else if (j == b.size()) {
      r = k();
    } else {
      r = EvalExpr(b[j], [&]() { return EvalBody(b, j + 1, k); });
    }
    while (nb > 0) {
      frame_[bound[--nb]].Unbind();
    }
    return r;
  }

  enum class Flat { kNo, kTrue, kFalse };
  // Runs `e` as a closed evaluation when it has one solution at most (see
  // EvalBody). kNo: not eligible, nothing was done. kTrue: it held (a
  // variable it bound is appended to bound[*nb]). kFalse: it did not hold,
  // or it failed with an error (failed_ is set).
  Flat TryFlat(const Expr& e, int* bound_slot, size_t* nb) {
    if (!e.withs.empty()) return Flat::kNo;
    auto closed = [&]() {
      if (!Step(e.loc)) return Flat::kFalse;
      bool held = false;
      EvalExprNeg(e, [&]() {
        held = true;
        return false;
      });
      if (failed_) return Flat::kFalse;
      return held ? Flat::kTrue : Flat::kFalse;
    };
    if (e.negated) return closed();
    switch (e.kind) {
      case ExprKind::kNotBody:
      case ExprKind::kEvery:
      case ExprKind::kOr:
      case ExprKind::kAnd: return closed();
      case ExprKind::kSome:
        if (!Step(e.loc)) return Flat::kFalse;
        return Flat::kTrue;
      case ExprKind::kTerm: {
        if (!SingleValued(*e.a)) return Flat::kNo;
        if (!Step(e.loc)) return Flat::kFalse;
        const Value* v = nullptr;
        Direct d = TryDirect(*e.a, &v);
        if (d == Direct::kUndefined) return Flat::kFalse;
        if (d == Direct::kValue)
          return (v->is_bool() && !v->as_bool()) ? Flat::kFalse : Flat::kTrue;
        bool held = false;
        EvalTerm(*e.a, [&](const Value& tv) {
          held = !(tv.is_bool() && !tv.as_bool());
          return false;
        });
        if (failed_) return Flat::kFalse;
        return held ? Flat::kTrue : Flat::kFalse;
      }
      case ExprKind::kUnify:
      case ExprKind::kAssign: {
        const Term* var = nullptr;
        const Term* val = nullptr;
        auto unbound_var = [&](const Term& t) {
          return t.kind == TermKind::kVar && t.slot >= 0 && !frame_[t.slot].bound();
        };
        if (unbound_var(*e.a) && SingleValued(*e.b)) {
          var = e.a.get();
          val = e.b.get();
        } else if (unbound_var(*e.b) && SingleValued(*e.a)) {
          var = e.b.get();
          val = e.a.get();
        } else if (SingleValued(*e.a) && SingleValued(*e.b)) {
          if (!Step(e.loc)) return Flat::kFalse;
          bool held = false;
          EvalTerm(*e.a, [&](const Value& va) {
            EvalTerm(*e.b, [&](const Value& vb) {
              held = va == vb;
              return false;
            });
            return false;
          });
          if (failed_) return Flat::kFalse;
          return held ? Flat::kTrue : Flat::kFalse;
        } else {
          return Flat::kNo;
        }
        if (!Step(e.loc)) return Flat::kFalse;
        Slot& s = frame_[var->slot];
        const Value* v = nullptr;
        Direct d = TryDirect(*val, &v);
        if (d == Direct::kUndefined) return Flat::kFalse;
        if (d == Direct::kValue) {
          // read in place from input, a constant or a slot bound before
          // this one: all outlive this binding, which the body undoes first
          s.Borrow(*v);
        } else {
          bool got = false;
          Value captured;
          EvalTerm(*val, [&](const Value& tv) {
            captured = tv;
            got = true;
            return false;
          });
          if (failed_ || !got) return Flat::kFalse;
          frame_[var->slot].Own(std::move(captured));
        }
        *bound_slot = var->slot;
        ++*nb;
        return Flat::kTrue;
      }
      default: return Flat::kNo;
    }
  }

  // Whether `t` has one value at most in the current bindings: it has no
  // unbound variable outside closures (comprehension bodies) and no
  // generator call (`walk`), as the compiler recorded in the term. Such a
  // term can be evaluated for its first solution only.
  bool SingleValued(const Term& t) const {
    if (!t.single_static) return false;
    for (int slot : t.single_slots)
      if (!frame_[slot].bound()) return false;
    return true;
  }

  // One evaluation step: counts against the step budget and, every 1024
  // steps, checks the time budget.
  bool Step(const Loc& loc) {
    if (++steps_ <= opts_.max_steps && (steps_ & 1023) != 0) [[likely]]
      return true;
    return StepChecks(loc);
  }

  [[gnu::noinline]] bool StepChecks(const Loc& loc) {
    if (steps_ > opts_.max_steps) {
      return Fail(
          "eval_limit_error",
          "evaluation step budget of " + std::to_string(opts_.max_steps) + " steps exceeded", loc);
    }
    if ((steps_ & 1023) == 0 && opts_.timeout.count() > 0) {
      auto now = std::chrono::steady_clock::now();
      if (steps_ == 1024) start_ = now;  // first check: the budget starts here
      if (now - start_ > opts_.timeout) {
        return Fail(
            "eval_limit_error",
            "evaluation time budget of " + std::to_string(opts_.timeout.count()) + "ms exceeded",
            loc);
      }
    }
    return true;
  }

  bool EvalExpr(const Expr& e, Cont k) {
    if (!Step(e.loc)) return false;
    if (!e.withs.empty()) return EvalWith(e, 0, k);
    return EvalExprNeg(e, k);
  }

  bool EvalExprNeg(const Expr& e, Cont k) {
    if (e.negated) {
      bool found = false;
      EvalExprCore(e, [&]() {
        found = true;
        return false;
      });
      if (failed_) return false;
      if (found) return true;
      return k();
    }
    return EvalExprCore(e, k);
  }

  bool EvalExprCore(const Expr& e, Cont k) {
    switch (e.kind) {
      case ExprKind::kTerm:
        return EvalTerm(*e.a, [&](const Value& v) {
          if (v.is_bool() && !v.as_bool()) return true;
          last_term_value_ = &v;
          return k();
        });
      case ExprKind::kUnify:
      case ExprKind::kAssign: return Unify(*e.a, *e.b, k);
      case ExprKind::kSome: return k();
      case ExprKind::kSomeIn:
        return EvalTerm(*e.c, [&](const Value& coll) {
          return ForEachMember(coll, [&](const Value& key, const Value& val) {
            return UnifyValue(*e.b, val, [&]() { return e.a ? UnifyValue(*e.a, key, k) : k(); });
          });
        });
      case ExprKind::kEvery:
        return EvalTerm(*e.c, [&](const Value& coll) {
          if (!coll.is_collection()) return true;  // every over a non-collection is undefined
          bool all = true;
          bool cont = ForEachMember(coll, [&](const Value& key, const Value& val) {
            bool found = false;
            UnifyValue(*e.b, val, [&]() {
              auto body_k = [&]() {
                found = true;
                return false;
              };
              if (e.a) return UnifyValue(*e.a, key, [&]() { return EvalBody(*e.body, 0, body_k); });
              return EvalBody(*e.body, 0, body_k);
            });
            if (failed_) return false;
            if (!found) {
              all = false;
              return false;
            }
            return true;
          });
          if (failed_) return false;
          (void)cont;
          if (!all) return true;
          return k();
        });
      case ExprKind::kNotBody: {
        bool found = false;
        EvalBody(*e.body, 0, [&]() {
          found = true;
          return false;
        });
        if (failed_) return false;
        if (found) return true;
        return k();
      }
      case ExprKind::kOr:
      case ExprKind::kAnd: {
        bool ok = LogicSucceeds(e);
        if (failed_) return false;
        if (!ok) return true;
        return k();
      }
    }
    return true;
  }

  // and/or: each operand is a closed body tried for one solution.
  bool LogicSucceeds(const Expr& e) {
    bool is_or = e.kind == ExprKind::kOr;
    for (const auto& alt : e.alternatives) {
      bool found = false;
      EvalBody(*alt, 0, [&]() {
        found = true;
        return false;
      });
      if (failed_) return false;
      if (is_or && found) return true;
      if (!is_or && !found) return false;
    }
    return !is_or;
  }

  template <typename F>
  bool ForEachMember(const Value& coll, F&& f) {
    switch (coll.kind()) {
      case ValueKind::kArray: {
        auto items = coll.items();
        for (size_t i = 0; i < items.size(); ++i)
          if (!f(Value::Int(static_cast<int64_t>(i)), items[i])) return false;
        return true;
      }
      case ValueKind::kSet:
        for (const auto& m : coll.items())
          if (!f(m, m)) return false;
        return true;
      case ValueKind::kObject:
        for (const auto& [key, val] : coll.entries())
          if (!f(key, val)) return false;
        return true;
      default: return true;
    }
  }

  // --- with ----------------------------------------------------------------

  // The state a `with` replaces. Input and base data are swapped as
  // pointers, so references into the outer documents stay valid.
  struct WithState {
    Value input;
    const Value* input_ptr = nullptr;
    Value base;
    const Value* base_ptr = nullptr;
    std::vector<std::vector<Value>> overrides;
    std::unordered_map<std::string, Mock> mocks;
    std::vector<CacheEntry> cache;
    CacheEntry* cache_ptr = nullptr;
    std::vector<int>* touched = nullptr;
  };

  void SwapState(WithState& s) {
    std::swap(s.input_ptr, input_);
    std::swap(s.base_ptr, base_data_);
    std::swap(s.overrides, overrides_);
    std::swap(s.mocks, mocks_);
    std::swap(s.cache_ptr, cache_);
    std::swap(s.touched, touched_);
  }

  bool EvalWith(const Expr& e, size_t i, Cont k) {
    // Evaluate all with values first (in the outer state), then switch.
    std::vector<Value> vals(e.withs.size());
    std::vector<bool> is_fn(e.withs.size(), false);
    for (size_t j = 0; j < e.withs.size(); ++j) {
      const With& w = e.withs[j];
      if ((w.kind == With::Kind::kFunc || w.kind == With::Kind::kBuiltin) &&
          w.value->kind == TermKind::kCall && w.value->items.empty()) {
        is_fn[j] = true;
        continue;
      }
      bool got = false;
      EvalTerm(*w.value, [&](const Value& v) {
        vals[j] = v;
        got = true;
        return false;
      });
      if (failed_) return false;
      if (!got) return true;  // undefined with value: expression undefined
    }
    (void)i;
    WithState st;
    bool has_input = input_ != nullptr;
    if (has_input) st.input = *input_;
    st.base = *base_data_;
    st.overrides = overrides_;
    st.mocks = mocks_;
    bool data_changed = false;
    for (size_t j = 0; j < e.withs.size(); ++j) {
      const With& w = e.withs[j];
      switch (w.kind) {
        case With::Kind::kInput:
          st.input = Upsert(has_input ? st.input : Value::EmptyObject(), w.path, vals[j]);
          has_input = true;
          break;
        case With::Kind::kData:
          st.base = Upsert(st.base, w.path, vals[j]);
          st.overrides.push_back(w.path);
          data_changed = true;
          break;
        case With::Kind::kFunc:
        case With::Kind::kBuiltin: {
          Mock m;
          if (is_fn[j])
            m.fn = w.value.get();
          else
            m.value = vals[j];
          st.mocks[w.func_name] = m;
          break;
        }
      }
    }
    (void)data_changed;
    st.cache.assign(prog_.node_count_, CacheEntry{});
    st.cache_ptr = st.cache.data();
    st.input_ptr = has_input ? &st.input : nullptr;
    st.base_ptr = &st.base;
    SwapState(st);
    bool r = EvalExprNeg(e, [&]() {
      SwapState(st);
      bool rr = k();
      SwapState(st);
      return rr;
    });
    SwapState(st);
    return r;
  }

  // --- terms ---------------------------------------------------------------

  bool EvalTerm(const Term& t, VCont k) {
    switch (t.kind) {
      case TermKind::kScalar: return k(t.value);
      case TermKind::kVar:
        if (t.slot >= 0) {
          // A bound slot keeps its value while its binder's continuation
          // runs, and frames never move, so no copy is needed.
          const Slot& s = frame_[t.slot];
          if (!s.bound()) return true;
          return k(s.v());
        }
        if (t.is_input) {
          if (!input_) return true;
          return k(*input_);
        }
        if (t.is_data) {
          Value v;
          if (!Materialize(prog_.root_.get(), base_data_, &v)) return !failed_;
          return k(v);
        }
        return true;
      case TermKind::kRef: return EvalRef(t, k);
      case TermKind::kArray: {
        if (t.ground) return k(t.value);
        ArgBuf acc(t.items.size());
        int direct = DirectItems(t, acc);
        if (direct == 0) return true;  // an item is undefined
        if (direct > 0) {
          Value v = ArrayOfCopies(acc.span());
          return k(v);
        }
        return EvalProduct(t.items, 0, acc, [&]() {
          // acc keeps its values for the next solution: build from copies.
          Value v = ArrayOfCopies(acc.span());
          return k(v);
        });
      }
      case TermKind::kSet: {
        if (t.ground) return k(t.value);
        ArgBuf acc(t.items.size());
        return EvalProduct(t.items, 0, acc, [&]() {
          std::span<const Value> src = acc.span();
          Value v = Value::Set(std::vector<Value>(src.begin(), src.end()));
          return k(v);
        });
      }
      case TermKind::kObject: {
        if (t.ground) return k(t.value);
        ArgBuf acc(t.items.size());
        auto build = [&]() {
          std::span<const Value> src = acc.span();
          size_t n = src.size() / 2;
          ObjectEntry small[8];
          std::vector<ObjectEntry> big;
          ObjectEntry* es = small;
          if (n > 8) {
            big.resize(n);
            es = big.data();
          }
          for (size_t i = 0; i < n; ++i) es[i] = ObjectEntry(src[2 * i], src[2 * i + 1]);
          Value v = Value::ObjectFrom(es, n);
          return k(v);
        };
        int direct = DirectItems(t, acc);
        if (direct == 0) return true;
        if (direct > 0) return build();
        return EvalProduct(t.items, 0, acc, build);
      }
      case TermKind::kArrayCompr:
      case TermKind::kSetCompr: {
        std::vector<Value> out;
        EvalBody(*t.body, 0, [&]() {
          return EvalTerm(*t.a, [&](const Value& v) {
            out.push_back(v);
            return true;
          });
        });
        if (failed_) return false;
        Value v = t.kind == TermKind::kArrayCompr ? Value::Array(std::move(out))
                                                  : Value::Set(std::move(out));
        return k(v);
      }
      case TermKind::kObjectCompr: {
        std::map<Value, Value> out;
        bool conflict = false;
        EvalBody(*t.body, 0, [&]() {
          return EvalTerm(*t.a, [&](const Value& key) {
            return EvalTerm(*t.b, [&](const Value& val) {
              auto it = out.find(key);
              if (it != out.end() && it->second != val) {
                conflict = true;
                return Fail("eval_conflict_error", "object keys must be unique", t.loc);
              }
              out.emplace(key, val);
              return true;
            });
          });
        });
        if (failed_) return false;
        (void)conflict;
        std::vector<ObjectEntry> es(out.begin(), out.end());
        Value v = Value::Object(std::move(es));
        return k(v);
      }
      case TermKind::kCall: return EvalCall(t, k);
      case TermKind::kTemplate: {
        std::string s;
        for (const auto& part : t.items) {
          if (part->kind == TermKind::kScalar && part->value.is_string()) {
            s += part->value.as_string();
            continue;
          }
          std::vector<Value> vals;
          EvalTerm(*part, [&](const Value& v) {
            if (part->special != kSpecialTemplateCapture) {
              vals.push_back(v);
            } else {
              for (const auto& m : v.items()) vals.push_back(m);
            }
            return true;
          });
          if (failed_) return false;
          std::sort(vals.begin(), vals.end());
          vals.erase(std::unique(vals.begin(), vals.end()), vals.end());
          if (vals.empty()) {
            s += "<undefined>";
          } else if (vals.size() > 1) {
            return Fail("eval_conflict_error", "template-strings must not produce multiple outputs",
                        part->loc);
          } else if (vals[0].is_string()) {
            s += vals[0].as_string();
          } else {
            s += FormatValue(vals[0]);
          }
        }
        Value v = Value::String(std::move(s));
        return k(v);
      }
    }
    return true;
  }

  // Fills acc with the items of a literal when each has one value that can
  // be read in place (see TryDirect): 1 done, 0 an item is undefined, -1 an
  // item needs evaluating (acc is then filled by EvalProduct instead).
  int DirectItems(const Term& t, ArgBuf& acc) const {
    for (size_t i = 0; i < t.items.size(); ++i) {
      const Value* v = nullptr;
      Direct d = TryDirect(*t.items[i], &v);
      if (d == Direct::kNo) return -1;
      if (d == Direct::kUndefined) return 0;
      acc.Set(i, *v);
    }
    return 1;
  }

  bool EvalProduct(const std::vector<TermPtr>& items, size_t i, ArgBuf& acc, Cont k) {
    if (i == items.size()) return k();
    return EvalTerm(*items[i], [&](const Value& v) {
      acc.Set(i, v);
      return EvalProduct(items, i + 1, acc, k);
    });
  }

  // --- refs ----------------------------------------------------------------

  bool EvalRef(const Term& t, VCont k) {
    const Term& head = *t.items[0];
    if (head.kind == TermKind::kVar) {
      if (head.is_input) {
        if (!input_) return true;
        return WalkValue(*input_, t, 1, k);
      }
      if (head.is_data) {
        if (!t.data_chain.empty() && overrides_.empty()) return WalkDataLinked(t, k);
        return WalkData(prog_.root_.get(), base_data_, t, 1, k);
      }
      if (head.slot >= 0) {
        if (!frame_[head.slot].bound()) return true;
        return WalkValue(frame_[head.slot].v(), t, 1, k);
      }
      return true;
    }
    return EvalTerm(head, [&](const Value& v) { return WalkValue(v, t, 1, k); });
  }

  bool HasUnboundPattern(const Term& t) const {
    for (int s : t.pattern_slots)
      if (!frame_[s].bound()) return true;
    return false;
  }

  // The value under ref.items[i..] of v when every remaining key is a
  // constant or a bound variable: no iteration, one result at most. Sets
  // *i to the first key that needs iteration otherwise. Returns nullptr
  // when a key is missing (undefined).
  const Value* WalkConstKeys(const Value& v, const Term& ref, size_t* i) const {
    const Value* cur = &v;
    for (; *i < ref.items.size(); ++*i) {
      const Term& key = *ref.items[*i];
      const Value* c;
      if (key.kind == TermKind::kScalar) {
        c = LookupConstKey(*cur, key);
      } else if (key.kind == TermKind::kVar && key.slot >= 0 && frame_[key.slot].bound()) {
        c = LookupKey(*cur, frame_[key.slot].v());
      } else if (key.kind == TermKind::kRef) {
        // e.g. groups[grant.grantee.uri]: a key read in place
        const Value* kv = nullptr;
        Direct d = TryDirect(key, &kv);
        if (d == Direct::kNo) break;
        if (d == Direct::kUndefined) return nullptr;
        c = LookupKey(*cur, *kv);
      } else {
        break;
      }
      if (!c) return nullptr;
      cur = c;
    }
    return cur;
  }

  bool WalkValue(const Value& v0, const Term& ref, size_t i, VCont k) {
    // Constant and bound keys in a loop; recursion only where a key iterates.
    const Value* vp = WalkConstKeys(v0, ref, &i);
    if (!vp) return true;
    const Value& v = *vp;
    if (i == ref.items.size()) return k(v);
    const Term& key = *ref.items[i];
    if (key.kind == TermKind::kVar && key.slot >= 0) {
      // iterate
      return ForEachMember(v, [&](const Value& mk, const Value& mv) {
        frame_[key.slot].Borrow(mk);
        bool r = WalkValue(mv, ref, i + 1, k);
        frame_[key.slot].Unbind();
        return r;
      });
    }
    if (!HasUnboundPattern(key)) {
      return EvalTerm(key, [&](const Value& kv) {
        const Value* c = LookupKey(v, kv);
        if (!c) return true;
        return WalkValue(*c, ref, i + 1, k);
      });
    }
    return ForEachMember(v, [&](const Value& mk, const Value& mv) {
      return UnifyValue(key, mk, [&]() { return WalkValue(mv, ref, i + 1, k); });
    });
  }

  // WalkData for a ref whose constant prefix the compiler linked to its
  // data-tree nodes: the same steps as WalkData's, without the child lookups.
  // Only used while no `with` replaces part of data.
  bool WalkDataLinked(const Term& ref, VCont k) {
    const DataNode* n = prog_.root_.get();
    const Value* base = base_data_;
    size_t i = 1;
    for (const DataNode* child : ref.data_chain) {
      if (HasValueRules(n) || i == ref.items.size()) break;
      const Value& kv = ref.items[i]->value;
      const Value* cb = nullptr;
      if (base && base->is_object()) {
        cb = base->Find(kv, &ref.items[i]->hint.pos);
        if (!cb && kv.is_number()) cb = base->Find(kv.number_text());
      }
      if (!child->rules_below || (cb && HasValueRules(child))) {
        if (cb) return WalkBaseValue(*cb, ref, i + 1, k);
        return true;
      }
      n = child;
      base = cb;
      ++i;
    }
    return WalkData(n, base, ref, i, k);
  }

  // WalkValue for a base document under `data`: its object keys come from
  // JSON or YAML and are strings, so a number key (data.nested[2]) also
  // finds the key spelled as that number's text, as OPA does. Only a ref
  // that walks data itself does this, not one through a variable holding
  // the same document.
  bool WalkBaseValue(const Value& v, const Term& ref, size_t i, VCont k) {
    if (i == ref.items.size()) return k(v);
    const Term& key = *ref.items[i];
    const Value* kv = nullptr;
    if (key.kind == TermKind::kScalar) {
      kv = &key.value;
    } else if (key.kind == TermKind::kVar && key.slot >= 0 && frame_[key.slot].bound()) {
      kv = &frame_[key.slot].v();
    }
    if (!kv) return WalkValue(v, ref, i, k);
    const Value* c = LookupKey(v, *kv);
    if (!c && kv->is_number() && v.is_object()) c = v.Find(kv->number_text());
    if (!c) return true;
    return WalkBaseValue(*c, ref, i + 1, k);
  }

  bool Shadowed(const DataNode* n) const {
    for (const auto& p : overrides_) {
      if (p.size() > n->path.size()) continue;
      bool pref = true;
      for (size_t i = 0; i < p.size(); ++i)
        if (p[i] != n->path[i]) {
          pref = false;
          break;
        }
      if (pref) return true;
    }
    return false;
  }

  static bool HasValueRules(const DataNode* n) { return !n->rules.empty() || n->default_rule; }

  bool WalkData(const DataNode* n, const Value* base, const Term& ref, size_t i, VCont k) {
    if (!overrides_.empty() && Shadowed(n)) {
      if (!base) return true;
      return WalkBaseValue(*base, ref, i, k);
    }
    if (HasValueRules(n)) {
      Value storage;
      const Value* doc = NodeDoc(n, base, &storage);
      if (!doc) return !failed_;
      return WalkValue(*doc, ref, i, k);
    }
    if (i == ref.items.size()) {
      Value v;
      if (!Materialize(n, base, &v)) return !failed_;
      return k(v);
    }
    const Term& key = *ref.items[i];
    auto step = [&](const Value& kv) {
      auto it = n->children.find(kv);
      const Value* cb = base && base->is_object() ? base->Find(kv) : nullptr;
      if (!cb && kv.is_number() && base && base->is_object()) cb = base->Find(kv.number_text());
      // base documents win over rules at the same path
      if (it != n->children.end() && it->second->rules_below &&
          !(cb && HasValueRules(it->second.get()))) {
        return WalkData(it->second.get(), cb, ref, i + 1, k);
      }
      if (cb) return WalkBaseValue(*cb, ref, i + 1, k);
      return true;
    };
    if (key.kind == TermKind::kScalar) return step(key.value);
    if (key.kind == TermKind::kVar && key.slot >= 0 && frame_[key.slot].bound()) {
      const Value& kv = frame_[key.slot].v();
      return step(kv);
    }
    if (key.kind != TermKind::kVar && !HasUnboundPattern(key)) {
      return EvalTerm(key, [&](const Value& kv) { return step(kv); });
    }
    // iterate over rule children and base keys
    std::vector<Value> keys;
    for (const auto& [ck, c] : n->children)
      if (c->rules_below) keys.push_back(ck);
    if (base && base->is_object())
      for (const auto& [bk, bv] : base->entries()) keys.push_back(bk);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& kv : keys) {
      if (!UnifyValue(key, kv, [&]() { return step(kv); })) return false;
    }
    return true;
  }

  // The document at a node with rules (merged with rule children), or
  // nullptr when undefined. It is the rule cache's entry, which stays as it
  // is for the rest of the evaluation, or is built in *storage.
  const Value* NodeDoc(const DataNode* n, const Value* base, Value* storage) {
    const Value* doc = RuleDoc(n);
    if (failed_) return nullptr;
    bool has_kids = false;
    for (const auto& [ck, c] : n->children)
      if (c->rules_below) has_kids = true;
    // rules with a dynamic ref head fold the rules below into their doc
    for (const Rule* r : n->rules)
      if (r->static_len < r->ref.size()) has_kids = false;
    if (!has_kids) return doc;
    std::map<Value, Value> entries;
    if (doc && doc->is_object())
      for (const auto& [dk, dv] : doc->entries()) entries[dk] = dv;
    for (const auto& [ck, c] : n->children) {
      if (!c->rules_below) continue;
      Value cv;
      const Value* cb = base && base->is_object() ? base->Find(ck) : nullptr;
      if (Materialize(c.get(), cb, &cv)) entries[ck] = cv;
      if (failed_) return nullptr;
    }
    if (!doc && entries.empty()) return nullptr;
    std::vector<ObjectEntry> es(entries.begin(), entries.end());
    *storage = Value::Object(std::move(es));
    return storage;
  }

  bool Materialize(const DataNode* n, const Value* base, Value* out) {
    if (!overrides_.empty() && Shadowed(n)) {
      if (!base) return false;
      *out = *base;
      return true;
    }
    if (HasValueRules(n)) {
      const Value* doc = NodeDoc(n, base, out);
      if (!doc) return false;
      if (doc != out) *out = *doc;
      return true;
    }
    std::map<Value, Value> entries;
    if (base && base->is_object())
      for (const auto& [bk, bv] : base->entries()) entries[bk] = bv;
    else if (base && n->children.empty()) {
      *out = *base;
      return true;
    }
    for (const auto& [ck, c] : n->children) {
      if (!c->rules_below) continue;
      Value cv;
      const Value* cb = base && base->is_object() ? base->Find(ck) : nullptr;
      if (cb && HasValueRules(c.get())) continue;  // base wins
      if (Materialize(c.get(), cb, &cv)) entries[ck] = cv;
      if (failed_) return false;
    }
    std::vector<ObjectEntry> es(entries.begin(), entries.end());
    *out = Value::Object(std::move(es));
    return true;
  }

  // --- rules ---------------------------------------------------------------

  const Value* RuleDoc(const DataNode* n) {
    // Input-independent rules use the cache that outlives this evaluation,
    // except under `with` (touched_ is null there), which may replace data
    // or functions they depend on.
    CacheEntry* table = (n->input_independent && persistent_ && touched_) ? persistent_ : cache_;
    CacheEntry& ce = table[n->id];
    if (ce.state == 2) {
      if (table == persistent_ && ce.serial != serial_) ++reused_;
      return ce.defined ? &ce.v : nullptr;
    }
    if (ce.state == 1) {
      Fail("rego_recursion_error", "rule " + n->path_str + " is recursive", Loc{});
      return nullptr;
    }
    ce.state = 1;
    if (touched_ && table == cache_) touched_->push_back(n->id);
    Value v;
    bool def = ComputeRuleDoc(n, &v);
    CacheEntry& ce2 = table[n->id];
    if (failed_) {
      ce2.state = 0;
      return nullptr;
    }
    ce2.state = 2;
    ce2.serial = serial_;
    ce2.defined = def;
    ce2.v = std::move(v);
    return def ? &ce2.v : nullptr;
  }

  bool ComputeRuleDoc(const DataNode* n, Value* out) {
    bool any_suffix = false, any_multi = false;
    for (const Rule* r : n->rules) {
      if (r->static_len < r->ref.size())
        any_suffix = true;
      else if (r->kind == RuleKind::kMulti)
        any_multi = true;
    }
    if (!any_suffix && !any_multi) {
      std::optional<Value> result;
      const Rule* first = nullptr;
      for (const Rule* r : n->rules) {
        EvalRule(r, [&](std::span<const Value>, const Value& v) {
          if (result && *result != v) {
            return Fail("eval_conflict_error", "complete rules must not produce multiple outputs",
                        first ? first->loc : r->loc);
          }
          if (!result) first = r;
          result = v;
          return true;
        });
        if (failed_) return false;
      }
      if (!result && n->default_rule) {
        const Rule* d = n->default_rule;
        Frame frame(this, d->frame_size + 1);
        Slot* save = frame_;
        frame_ = frame.data();
        EvalTerm(*d->value, [&](const Value& v) {
          result = v;
          return false;
        });
        frame_ = save;
        if (failed_) return false;
      }
      if (!result) return false;
      *out = std::move(*result);
      return true;
    }
    DocTree tree;
    if (any_multi && !any_suffix) tree.is_set = true;
    for (const Rule* r : n->rules) {
      EvalRule(r, [&](std::span<const Value> keys, const Value& v) {
        return InsertRuleValue(&tree, r, keys, v, false);
      });
      if (failed_) return false;
    }
    // A rule with a dynamic ref head may define keys that rules below this
    // node define too: their values go into the same tree, so an overlap
    // is a conflict (or, for sets, a union) rather than one hiding the other.
    if (any_suffix) {
      for (const auto& [ck, c] : n->children) {
        if (!c->rules_below) continue;
        if (!FoldRulesBelow(&tree, ck, c.get())) return false;
      }
    }
    if (n->default_rule && !tree.leaf && tree.kids.empty() && !tree.is_set) {
      const Rule* d = n->default_rule;
      Frame frame(this, d->frame_size + 1);
      Slot* save = frame_;
      frame_ = frame.data();
      EvalTerm(*d->value, [&](const Value& v) {
        *out = v;
        return false;
      });
      frame_ = save;
      return !failed_;
    }
    *out = tree.ToValue();
    return true;
  }

  // Adds one rule result at `keys` below `root` (see ComputeRuleDoc).
  // `nested`: root is itself below the node being computed.
  bool InsertRuleValue(DocTree* root, const Rule* r, std::span<const Value> keys, const Value& v,
                       bool nested) {
    DocTree* t = root;
    for (const auto& kk : keys) {
      if (t->leaf || t->is_set)
        return Fail("eval_conflict_error", "object keys must be unique", r->loc);
      t = &t->kids[kk];
    }
    if (r->kind == RuleKind::kMulti) {
      if (t->leaf || !t->kids.empty())
        return Fail("eval_conflict_error", "object keys must be unique", r->loc);
      t->is_set = true;
      t->members.push_back(v);
      return true;
    }
    if (t->is_set || !t->kids.empty())
      return Fail("eval_conflict_error", "object keys must be unique", r->loc);
    if (t->leaf) {
      if (t->v != v) {
        return Fail("eval_conflict_error",
                    keys.empty() && !nested ? "complete rules must not produce multiple outputs"
                                            : "object keys must be unique",
                    r->loc);
      }
      return true;
    }
    t->leaf = true;
    t->v = v;
    return true;
  }

  // Folds the documents of the rules at and below child `n` (key `key` of
  // `parent`) into `parent`.
  bool FoldRulesBelow(DocTree* parent, const Value& key, const DataNode* n) {
    if (!overrides_.empty() && Shadowed(n)) return true;
    if (parent->leaf || parent->is_set) {
      const Rule* r = !n->rules.empty() ? n->rules[0] : n->default_rule;
      return Fail("eval_conflict_error", "object keys must be unique", r ? r->loc : Loc{});
    }
    bool dynamic = false;
    for (const Rule* r : n->rules)
      if (r->static_len < r->ref.size() || r->kind == RuleKind::kMulti) dynamic = true;
    if (HasValueRules(n) && !dynamic) {
      // complete rules: their (cached) value, default included
      const Value* v = RuleDoc(n);
      if (failed_) return false;
      if (!v) return true;
      auto it = parent->kids.find(key);
      DocTree* t = it != parent->kids.end() ? &it->second : nullptr;
      if (t && (t->is_set || !t->kids.empty() || (t->leaf && t->v != *v)))
        return Fail("eval_conflict_error", "object keys must be unique",
                    n->rules.empty() ? n->default_rule->loc : n->rules[0]->loc);
      if (!t) t = &parent->kids[key];
      t->leaf = true;
      t->v = *v;
      return true;
    }
    DocTree* t = &parent->kids[key];
    for (const Rule* r : n->rules) {
      EvalRule(r, [&](std::span<const Value> keys, const Value& v) {
        return InsertRuleValue(t, r, keys, v, true);
      });
      if (failed_) return false;
    }
    for (const auto& [ck, c] : n->children) {
      if (!c->rules_below) continue;
      if (!FoldRulesBelow(t, ck, c.get())) return false;
    }
    if (!t->leaf && t->kids.empty() && !n->rules.empty() && n->rules[0]->kind == RuleKind::kMulti)
      t->is_set = true;  // a partial set without members is still a set
    return true;
  }

  struct DepthGuard {
    Evaluator* ev;
    explicit DepthGuard(Evaluator* e) : ev(e) { ++ev->depth_; }
    ~DepthGuard() { --ev->depth_; }
  };

  // Runs a rule's bodies (and else chain) in a fresh frame; calls `emit`
  // with the evaluated suffix keys and value per solution.
  bool EvalRule(const Rule* r, FnRef<bool(std::span<const Value>, const Value&)> emit) {
    DepthGuard g(this);
    if (static_cast<uint32_t>(depth_) > opts_.max_depth) {
      return Fail("eval_limit_error",
                  "maximum call depth of " + std::to_string(opts_.max_depth) + " exceeded", r->loc);
    }
    Frame frame(this, r->frame_size + 1);
    Slot* save = frame_;
    const Rule* save_rule = current_rule_;
    frame_ = frame.data();
    current_rule_ = r;
    bool any = false;
    size_t nsuffix = r->ref.size() - r->static_len;
    std::vector<Value> keys(nsuffix);
    auto produce = [&](const TermPtr& value_term) {
      any = true;
      return EvalSuffix(r, 0, keys, [&]() {
        if (r->kind == RuleKind::kMulti)
          return EvalTerm(*r->key, [&](const Value& v) { return emit(keys, v); });
        if (!value_term) return emit(keys, Value::Bool(true));
        return EvalTerm(*value_term, [&](const Value& v) { return emit(keys, v); });
      });
    };
    bool ok = true;
    for (const auto& body : r->bodies) {
      ok = EvalBody(body, 0, [&]() { return produce(r->value); });
      if (!ok) break;
    }
    if (ok && !any && !failed_) {
      for (const auto& ec : r->elses) {
        ok = EvalBody(ec.body, 0, [&]() { return produce(ec.value); });
        if (!ok || any) break;
      }
    }
    frame_ = save;
    current_rule_ = save_rule;
    return !failed_;
  }

  bool EvalSuffix(const Rule* r, size_t i, std::vector<Value>& keys, Cont k) {
    if (i == keys.size()) return k();
    return EvalTerm(*r->ref[r->static_len + i], [&](const Value& v) {
      keys[i] = v;
      return EvalSuffix(r, i + 1, keys, k);
    });
  }

  // --- calls ---------------------------------------------------------------

  bool EvalCall(const Term& t, VCont k) {
    size_t nargs = t.items.size() - 1;
    if (t.special == kSpecialPrint) return EvalPrint(t, k);
    if (!mocks_.empty()) {
      auto it = mocks_.find(t.call_name);
      if (it != mocks_.end()) {
        Mock m = it->second;
        ArgBuf args(nargs);
        return EvalArgs(t, 0, args, [&]() {
          if (!m.fn) return k(m.value);
          // The replacement runs without any mock, as in OPA: it may call
          // the original, and one mock never calls another.
          auto saved = mocks_;
          mocks_.clear();
          bool r = CallTarget(*m.fn, t, args.span(), [&](const Value& v) {
            std::swap(saved, mocks_);
            bool rr = k(v);
            std::swap(saved, mocks_);
            return rr;
          });
          mocks_ = std::move(saved);
          return r;
        });
      }
    }
    ArgBuf args(nargs);
    // Arguments that are constants, bound variables or refs into input or a
    // bound variable through constant keys have one value at most: read
    // them in place instead of through a continuation each.
    // A literal array argument whose items read in place (sprintf's
    // operands) is built here too; `built` owns it for the call.
    Value built[2];
    size_t nbuilt = 0;
    size_t a = 0;
    for (; a < nargs; ++a) {
      const Term& arg = *t.items[a + 1];
      const Value* v = nullptr;
      Direct d = TryDirect(arg, &v);
      if (d == Direct::kNo && arg.kind == TermKind::kArray && nbuilt < 2 && arg.items.size() <= 8) {
        ArgBuf items(arg.items.size());
        int r = DirectItems(arg, items);
        if (r == 0) return true;
        if (r > 0 && a + 1 == nargs && t.builtin && t.builtin->items_fn && !t.func) {
          // the builtin takes the items as they are: no array to build
          return CallBuiltin(t.builtin, t, k, [&](Value* out) {
            return t.builtin->items_fn(bctx_, args.span().first(a), items.span(), out);
          });
        }
        if (r > 0) {
          built[nbuilt] = ArrayOfCopies(items.span());
          v = &built[nbuilt++];
          d = Direct::kValue;
        }
      }
      if (d == Direct::kNo) break;
      if (d == Direct::kUndefined) return true;
      args.Set(a, *v);
    }
    if (a == nargs) return CallTarget(t, t, args.span(), k);
    return EvalArgs(t, 0, args, [&]() { return CallTarget(t, t, args.span(), k); });
  }

  enum class Direct { kNo, kValue, kUndefined };
  // The single value of `t` without evaluating it through a continuation,
  // when `t` is simple enough (see EvalCall); kNo otherwise.
  Direct TryDirect(const Term& t, const Value** out) const {
    const Value* base = nullptr;
    switch (t.kind) {
      case TermKind::kScalar: *out = &t.value; return Direct::kValue;
      case TermKind::kVar:
        if (t.slot >= 0) {
          if (!frame_[t.slot].bound()) return Direct::kUndefined;
          *out = &frame_[t.slot].v();
          return Direct::kValue;
        }
        if (t.is_input) {
          if (!input_) return Direct::kUndefined;
          *out = input_;
          return Direct::kValue;
        }
        return Direct::kNo;
      case TermKind::kRef: {
        const Term& head = *t.items[0];
        if (head.kind != TermKind::kVar) return Direct::kNo;
        if (head.is_input) {
          if (!input_) return Direct::kUndefined;
          base = input_;
        } else if (head.slot >= 0 && !head.is_data) {
          if (!frame_[head.slot].bound()) return Direct::kUndefined;
          base = &frame_[head.slot].v();
        } else {
          return Direct::kNo;
        }
        size_t i = 1;
        const Value* v = WalkConstKeys(*base, t, &i);
        if (!v) return Direct::kUndefined;
        if (i != t.items.size()) return Direct::kNo;
        *out = v;
        return Direct::kValue;
      }
      case TermKind::kArray:
      case TermKind::kSet:
      case TermKind::kObject:
        // a constant, built by the compiler
        if (!t.ground) return Direct::kNo;
        *out = &t.value;
        return Direct::kValue;
      default: return Direct::kNo;
    }
  }

  bool EvalArgs(const Term& t, size_t i, ArgBuf& args, Cont k) {
    if (i == args.size()) return k();
    return EvalTerm(*t.items[i + 1], [&](const Value& v) {
      args.Set(i, v);
      return EvalArgs(t, i + 1, args, k);
    });
  }

  bool CallTarget(const Term& target, const Term& site, std::span<const Value> args, VCont k) {
    if (target.func) return CallFunction(target.func, args, site, k);
    const BuiltinDef* b = target.builtin;
    if (!b) return true;
    if (target.special == kSpecialWalk) return Walk(args.empty() ? Value() : args[0], k);
    if (!b->fn) {
      if (opts_.strict_builtin_errors)
        return Fail("eval_builtin_error", b->name + ": not implemented", site.loc);
      return true;
    }
    return CallBuiltin(b, site, k, [&](Value* out) { return b->fn(bctx_, args, out); });
  }

  // Runs call(&out), one of b's bodies, then passes on its error (under
  // strict builtin errors), undefined, or its value.
  template <typename F>
  bool CallBuiltin(const BuiltinDef* b, const Term& site, VCont k, F&& call) {
    bctx_.error_code.clear();
    bctx_.error_message.clear();
    Value out;
    bool ok = call(&out);
    if (!bctx_.error_code.empty()) {
      if (opts_.strict_builtin_errors) {
        std::string msg = bctx_.error_message;
        std::string prefix = b->name + ": ";
        if (msg.rfind(prefix, 0) != 0) msg = prefix + msg;
        return Fail(bctx_.error_code, msg, site.loc);
      }
      return true;
    }
    if (!ok) return true;
    return k(out);
  }

  bool CallFunction(const DataNode* n, std::span<const Value> args, const Term& site, VCont k) {
    std::optional<Value> result;
    for (const Rule* r : n->funcs) {
      if (r->args.size() != args.size()) continue;
      DepthGuard g(this);
      if (static_cast<uint32_t>(depth_) > opts_.max_depth) {
        return Fail("eval_limit_error",
                    "maximum call depth of " + std::to_string(opts_.max_depth) + " exceeded",
                    site.loc);
      }
      Frame frame(this, r->frame_size + 1);
      Slot* save = frame_;
      const Rule* save_rule = current_rule_;
      frame_ = frame.data();
      current_rule_ = r;
      auto emit = [&](const Value& v) {
        if (result && *result != v) {
          return Fail("eval_conflict_error",
                      "functions must not produce multiple outputs for same inputs", site.loc);
        }
        result = v;
        return true;
      };
      UnifyArgs(r, args, 0, [&]() {
        bool any = false;
        for (const auto& body : r->bodies) {
          bool ok = EvalBody(body, 0, [&]() {
            any = true;
            if (!r->value) return emit(Value::Bool(true));
            return EvalTerm(*r->value, emit);
          });
          if (!ok) return false;
        }
        if (!any) {
          for (const auto& ec : r->elses) {
            bool ok = EvalBody(ec.body, 0, [&]() {
              any = true;
              if (!ec.value) return emit(Value::Bool(true));
              return EvalTerm(*ec.value, emit);
            });
            if (!ok) return false;
            if (any) break;
          }
        }
        return true;
      });
      frame_ = save;
      current_rule_ = save_rule;
      if (failed_) return false;
    }
    if (!result && n->default_func) {
      const Rule* d = n->default_func;
      Frame frame(this, d->frame_size + 1);
      Slot* save = frame_;
      frame_ = frame.data();
      EvalTerm(*d->value, [&](const Value& v) {
        result = v;
        return false;
      });
      frame_ = save;
      if (failed_) return false;
    }
    if (!result) return true;
    Value v = std::move(*result);
    return k(v);
  }

  bool UnifyArgs(const Rule* r, std::span<const Value> args, size_t i, Cont k) {
    if (i == args.size()) return k();
    return UnifyValue(*r->args[i], args[i], [&]() { return UnifyArgs(r, args, i + 1, k); });
  }

  bool Walk(const Value& root, VCont k) {
    std::vector<Value> path;
    return WalkRec(root, path, k);
  }
  bool WalkRec(const Value& v, std::vector<Value>& path, VCont k) {
    Value pair = Value::Array({Value::Array(path), v});
    if (!k(pair)) return false;
    return ForEachMember(v, [&](const Value& key, const Value& child) {
      path.push_back(key);
      bool r = WalkRec(child, path, k);
      path.pop_back();
      return r;
    });
  }

  bool EvalPrint(const Term& t, VCont k) {
    std::vector<std::vector<Value>> vals(t.items.size() - 1);
    for (size_t i = 1; i < t.items.size(); ++i) {
      EvalTerm(*t.items[i], [&](const Value& v) {
        vals[i - 1].push_back(v);
        return true;
      });
      if (failed_) return false;
    }
    std::string line;
    for (size_t i = 0; i < vals.size(); ++i) {
      if (i) line += " ";
      if (vals[i].empty()) {
        line += "<undefined>";
      } else {
        const Value& v = vals[i][0];
        if (v.is_string())
          line += v.as_string();
        else
          line += FormatValue(v);
      }
    }
    if (opts_.print) {
      opts_.print(line);
    } else {
      fprintf(stderr, "%s\n", line.c_str());
    }
    Value tr = Value::Bool(true);
    return k(tr);
  }

  // --- unification ---------------------------------------------------------

  bool Bind(int slot, const Value& v, Cont k) {
    // v stays alive and unchanged while k runs: borrowed
    frame_[slot].Borrow(v);
    bool r = k();
    frame_[slot].Unbind();
    return r;
  }

  bool UnifyValue(const Term& t, const Value& v, Cont k) {
    switch (t.kind) {
      case TermKind::kVar:
        if (t.slot >= 0) {
          const Slot& s = frame_[t.slot];
          if (!s.bound()) return Bind(t.slot, v, k);
          return s.v() == v ? k() : true;
        }
        break;
      case TermKind::kScalar: return t.value == v ? k() : true;
      case TermKind::kArray:
        if (!HasUnboundPattern(t)) break;
        if (!v.is_array() || v.size() != t.items.size()) return true;
        return UnifyItems(t, v, 0, k);
      case TermKind::kObject:
        if (!HasUnboundPattern(t)) break;
        if (!v.is_object() || v.size() * 2 != t.items.size()) return true;
        return UnifyObject(t, v, 0, k);
      default: break;
    }
    return EvalTerm(t, [&](const Value& tv) { return tv == v ? k() : true; });
  }

  bool UnifyItems(const Term& t, const Value& v, size_t i, Cont k) {
    if (i == t.items.size()) return k();
    return UnifyValue(*t.items[i], *v.At(i), [&]() { return UnifyItems(t, v, i + 1, k); });
  }

  bool UnifyObject(const Term& t, const Value& v, size_t i, Cont k) {
    if (i >= t.items.size()) return k();
    return EvalTerm(*t.items[i], [&](const Value& key) {
      const Value* c = v.Find(key);
      if (!c) return true;
      return UnifyValue(*t.items[i + 1], *c, [&]() { return UnifyObject(t, v, i + 2, k); });
    });
  }

  bool Unify(const Term& a, const Term& b, Cont k) {
    if (!HasUnboundPattern(a)) {
      return EvalTerm(a, [&](const Value& va) { return UnifyValue(b, va, k); });
    }
    if (!HasUnboundPattern(b)) {
      return EvalTerm(b, [&](const Value& vb) { return UnifyValue(a, vb, k); });
    }
    if (a.kind == TermKind::kArray && b.kind == TermKind::kArray) {
      if (a.items.size() != b.items.size()) return true;
      return UnifyPairs(a, b, 0, k);
    }
    if (a.kind == TermKind::kObject && b.kind == TermKind::kObject) {
      if (a.items.size() != b.items.size()) return true;
      return UnifyObjPairs(a, b, 0, k);
    }
    return true;
  }

  bool UnifyPairs(const Term& a, const Term& b, size_t i, Cont k) {
    if (i == a.items.size()) return k();
    return Unify(*a.items[i], *b.items[i], [&]() { return UnifyPairs(a, b, i + 1, k); });
  }

  bool UnifyObjPairs(const Term& a, const Term& b, size_t i, Cont k) {
    if (i >= a.items.size()) return k();
    return EvalTerm(*a.items[i], [&](const Value& ka) {
      for (size_t j = 0; j + 1 < b.items.size(); j += 2) {
        bool matched = false;
        bool r = EvalTerm(*b.items[j], [&](const Value& kb) {
          if (kb == ka) matched = true;
          return true;
        });
        if (!r) return false;
        if (matched)
          return Unify(*a.items[i + 1], *b.items[j + 1],
                       [&]() { return UnifyObjPairs(a, b, i + 2, k); });
      }
      return true;
    });
  }

  const ProgramImpl& prog_;
  const EvalOptions& opts_;
  const Value* input_ = nullptr;  // null: no input document
  const Value* base_data_ = nullptr;
  Value own_base_;
  std::vector<std::vector<Value>> overrides_;
  std::unordered_map<std::string, Mock> mocks_;
  std::unique_ptr<EvalScratch> scratch_;
  CacheEntry* cache_ = nullptr;
  CacheEntry* persistent_ = nullptr;  // see EvalScratch::persistent
  uint64_t reused_ = 0;
  uint32_t serial_ = 0;                  // this evaluation's number on this thread
  std::vector<int>* touched_ = nullptr;  // null while a `with` cache is active
  Slot* frame_ = nullptr;
  bool failed_ = false;
  RegoError error_;
  uint64_t steps_ = 0;
  int depth_ = 0;
  std::chrono::steady_clock::time_point start_;
  BuiltinContext bctx_;
  std::unordered_map<std::string, Value> nd_cache_;
  const Rule* current_rule_ = nullptr;
  const Value* last_term_value_ = nullptr;  // valid during the expression's continuation
};

}  // namespace

RegoResult<std::vector<ResultRow>> EvalPlan(const QueryPlan& plan, const Value& input,
                                            const EvalOptions& opts) {
  Evaluator ev(*plan.program, opts, &input);
  return ev.RunQuery(plan);
}

RegoResult<std::vector<ResultRow>> EvalPlanNoInput(const QueryPlan& plan, const EvalOptions& opts) {
  Evaluator ev(*plan.program, opts, nullptr);
  return ev.RunQuery(plan);
}

}  // namespace kumo::rego
