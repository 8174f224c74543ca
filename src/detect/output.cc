#include "detect/output.h"

#include <algorithm>
#include <set>

namespace kumo::detect {

namespace {

constexpr std::string_view kPriorityNames[] = {"Emergency", "Alert",  "Critical", "Error",
                                               "Warning",   "Notice", "Info",     "Debug"};
constexpr std::string_view kPriorityWords[] = {"emergency", "alert",  "critical",      "error",
                                               "warning",   "notice", "informational", "debug"};

bool IEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

void AppendJsonString(std::string_view s, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

}  // namespace

bool ParsePriority(std::string_view s, Priority* out) {
  for (int i = 0; i < 8; ++i) {
    if (IEq(s, kPriorityWords[i])) {
      *out = static_cast<Priority>(i);
      return true;
    }
  }
  if (IEq(s, "info")) {
    *out = Priority::kInformational;
    return true;
  }
  return false;
}

std::string_view PriorityName(Priority p) { return kPriorityNames[static_cast<int>(p)]; }

bool OutputTemplate::Compile(std::string_view text, const CompileOptions& opts, OutputTemplate* out,
                             CompileError* err) {
  out->pieces_.clear();
  std::string lit;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c != '%') {
      lit.push_back(c);
      ++i;
      continue;
    }
    size_t start = i;
    ++i;
    if (i >= text.size()) {
      err->message = "invalid formatting token: '%' at the end of the output";
      return false;
    }
    size_t width = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      width = width * 10 + static_cast<size_t>(text[i] - '0');
      if (width > 4096) width = 4096;
      ++i;
    }
    std::string_view rest = text.substr(i);
    ValueExpr v;
    size_t consumed = 0;
    // Transformer: parse the whole call.
    size_t p = 0;
    while (p < rest.size() && IsNameChar(rest[p]) && rest[p] != '.') ++p;
    if (p < rest.size() && rest[p] == '(' && IsTransformerName(rest.substr(0, p))) {
      if (!ParseValuePrefix(rest, &v, &consumed)) {
        err->message = "invalid formatting token '" + std::string(text.substr(start)) + "'";
        return false;
      }
    } else {
      // The longest dotted prefix that names a field of the source.
      size_t n = 0;
      while (n < rest.size() && IsNameChar(rest[n])) ++n;
      std::string_view name = rest.substr(0, n);
      while (!name.empty() && name.back() == '.') name.remove_suffix(1);
      while (!name.empty() && !FindField(opts.source, name)) {
        size_t dot = name.rfind('.');
        if (dot == std::string_view::npos) {
          name = {};
          break;
        }
        name = name.substr(0, dot);
      }
      if (name.empty()) {
        size_t e = 0;
        while (e < rest.size() && IsNameChar(rest[e])) ++e;
        err->message = "invalid formatting token: unknown field '" +
                       std::string(rest.substr(0, e)) + "' in output";
        err->unknown_field = true;
        return false;
      }
      v.kind = ValueExpr::Kind::kField;
      v.name = std::string(name);
      consumed = name.size();
      if (consumed < rest.size() && rest[consumed] == '[') {
        size_t close = rest.find(']', consumed);
        if (close == std::string_view::npos) {
          err->message = "unterminated field argument in output token '%" + v.name + "'";
          return false;
        }
        v.has_arg = true;
        v.arg = std::string(rest.substr(consumed + 1, close - consumed - 1));
        if (v.arg.size() >= 2 && (v.arg[0] == '"' || v.arg[0] == '\'') &&
            v.arg.back() == v.arg[0]) {
          v.arg = v.arg.substr(1, v.arg.size() - 2);
        }
        consumed = close + 1;
      }
    }
    std::unique_ptr<OutputValue> ov;
    if (!CompileOutputValue(v, opts, &ov, err)) return false;
    Piece lp;
    lp.literal = std::move(lit);
    lit.clear();
    out->pieces_.push_back(std::move(lp));
    Piece vp;
    vp.value = std::move(ov);
    vp.width = width;
    out->pieces_.push_back(std::move(vp));
    i += consumed;
  }
  if (!lit.empty()) {
    Piece lp;
    lp.literal = std::move(lit);
    out->pieces_.push_back(std::move(lp));
  }
  return true;
}

void OutputTemplate::Render(EvalContext& ctx, std::string* out) const {
  for (const Piece& p : pieces_) {
    if (!p.value) {
      out->append(p.literal);
      continue;
    }
    size_t before = out->size();
    p.value->Append(ctx, out);
    if (p.width > 0) {
      size_t len = out->size() - before;
      if (len < p.width) {
        out->append(p.width - len, ' ');
      } else {
        out->resize(before + p.width);
      }
    }
  }
}

void OutputTemplate::RenderFieldsJson(EvalContext& ctx, std::string* out) const {
  std::set<std::string_view> seen;
  std::string val;
  for (const Piece& p : pieces_) {
    if (!p.value || !seen.insert(p.value->key()).second) continue;
    if (!out->empty()) out->push_back(',');
    AppendJsonString(p.value->key(), out);
    out->push_back(':');
    val.clear();
    if (!p.value->Get(ctx, &val)) {
      out->append("null");
    } else if (p.value->numeric()) {
      out->append(val);
    } else {
      AppendJsonString(val, out);
    }
  }
}

void FormatAlertText(const Alert& a, std::string* out) {
  out->append(FormatTime(a.time_ns, "time"));
  out->append(": ");
  out->append(PriorityName(a.priority));
  out->push_back(' ');
  out->append(a.output);
  out->push_back('\n');
}

void FormatAlertJson(const Alert& a, std::string* out) {
  out->append("{\"hostname\":");
  AppendJsonString(a.hostname, out);
  out->append(",\"output\":");
  AppendJsonString(a.output, out);
  out->append(",\"output_fields\":{");
  out->append(a.output_fields_json);
  out->append("},\"priority\":");
  AppendJsonString(PriorityName(a.priority), out);
  out->append(",\"rule\":");
  AppendJsonString(a.rule, out);
  out->append(",\"source\":");
  AppendJsonString(a.source, out);
  out->append(",\"tags\":[");
  if (a.tags) {
    for (size_t i = 0; i < a.tags->size(); ++i) {
      if (i) out->push_back(',');
      AppendJsonString((*a.tags)[i], out);
    }
  }
  out->append("],\"time\":");
  AppendJsonString(FormatTime(a.time_ns, "iso8601"), out);
  out->append("}\n");
}

}  // namespace kumo::detect
