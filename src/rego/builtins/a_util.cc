#include "rego/builtins/a_util.h"

#include <cstdio>

namespace kumo::rego::a {

bool OperandTypeError(BuiltinContext& ctx, int pos, const Value& got,
                      std::initializer_list<std::string_view> expected) {
  std::string msg = "operand " + std::to_string(pos) + " must be ";
  if (expected.size() == 1) {
    msg += *expected.begin();
  } else {
    msg += "one of {";
    bool first = true;
    for (auto e : expected) {
      if (!first) msg += ", ";
      first = false;
      msg += e;
    }
    msg += "}";
  }
  msg += " but got ";
  msg += ValueKindName(got.kind());
  return ctx.TypeError(std::move(msg));
}

bool OperandError(BuiltinContext& ctx, int pos, std::string_view what) {
  std::string msg = "operand " + std::to_string(pos) + " ";
  msg += what;
  return ctx.TypeError(std::move(msg));
}

bool OperandElementError(BuiltinContext& ctx, int pos, const Value& composite, const Value& elem,
                         std::string_view expected) {
  std::string_view tpe = ValueKindName(composite.kind());
  std::string msg = "operand " + std::to_string(pos) + " must be ";
  msg += tpe;
  msg += " of ";
  msg += expected;
  msg += "s but got ";
  msg += tpe;
  msg += " containing ";
  msg += ValueKindName(elem.kind());
  return ctx.TypeError(std::move(msg));
}

bool ArgInt(BuiltinContext& ctx, const Value& v, int pos, int64_t* out) {
  if (!v.is_number()) return OperandTypeError(ctx, pos, v, {"number"});
  // Only canonical integer literals are held inline; "1.0" or "1e3" are not
  // integers to OPA's IntOperand (json.Number.Int64 rejects them).
  if (v.node_identity() != nullptr) {
    return OperandError(ctx, pos, "must be integer number but got floating-point number");
  }
  *out = v.as_int64();
  return true;
}

// --- UTF-8 -------------------------------------------------------------------

char32_t DecodeRune(std::string_view s, size_t* i) {
  auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int len = 0;
  char32_t r = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, r = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, r = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, r = b0 & 0x07, min = 0x10000;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    r = (r << 6) | (b & 0x3F);
  }
  if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
    ++*i;
    return 0xFFFD;
  }
  *i += len;
  return r;
}

void AppendRune(char32_t r, std::string* out) {
  if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  if (r < 0x80) {
    out->push_back(static_cast<char>(r));
  } else if (r < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (r >> 6)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else if (r < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (r >> 12)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (r >> 18)));
    out->push_back(static_cast<char>(0x80 | ((r >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((r >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (r & 0x3F)));
  }
}

size_t RuneCount(std::string_view s) {
  size_t n = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    } else {
      DecodeRune(s, &i);
    }
    ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t before = i;
    char32_t r = DecodeRune(s, &i);
    if (r == 0xFFFD && i == before + 1) return false;
  }
  return true;
}

// --- Printing ----------------------------------------------------------------

namespace {

bool IsPrintableRune(char32_t r) {
  if (r < 0x20 || r == 0x7F) return false;
  if (r >= 0x80 && r < 0xA0) return false;
  if (r == 0xAD) return false;  // soft hyphen is a format character
  if (r >= 0x2028 && r <= 0x2029) return false;
  if (r >= 0xFFF9 && r <= 0xFFFB) return false;
  if (r == 0xFEFF) return false;
  return true;
}

}  // namespace

void AppendGoQuoted(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  char buf[16];
  while (i < s.size()) {
    size_t start = i;
    char32_t r = DecodeRune(s, &i);
    if (r == 0xFFFD && i == start + 1 && static_cast<unsigned char>(s[start]) >= 0x80) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[start]));
      out->append(buf);
      continue;
    }
    switch (r) {
      case '"': out->append("\\\""); continue;
      case '\\': out->append("\\\\"); continue;
      case '\a': out->append("\\a"); continue;
      case '\b': out->append("\\b"); continue;
      case '\f': out->append("\\f"); continue;
      case '\n': out->append("\\n"); continue;
      case '\r': out->append("\\r"); continue;
      case '\t': out->append("\\t"); continue;
      case '\v': out->append("\\v"); continue;
      default: break;
    }
    if (IsPrintableRune(r)) {
      out->append(s.substr(start, i - start));
    } else if (r < 0x80) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
      out->append(buf);
    } else if (r < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
      out->append(buf);
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
      out->append(buf);
    }
  }
  out->push_back('"');
}

void AppendRegoTerm(const Value& v, std::string* out, StringQuoter quote) {
  switch (v.kind()) {
    case ValueKind::kNull: out->append("null"); return;
    case ValueKind::kBool: out->append(v.as_bool() ? "true" : "false"); return;
    case ValueKind::kNumber: out->append(v.number_text()); return;
    case ValueKind::kString: quote(v.as_string(), out); return;
    case ValueKind::kArray: {
      out->push_back('[');
      bool first = true;
      for (const Value& e : v.items()) {
        if (!first) out->append(", ");
        first = false;
        AppendRegoTerm(e, out, quote);
      }
      out->push_back(']');
      return;
    }
    case ValueKind::kSet: {
      if (v.size() == 0) {
        out->append("set()");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (const Value& e : v.items()) {
        if (!first) out->append(", ");
        first = false;
        AppendRegoTerm(e, out, quote);
      }
      out->push_back('}');
      return;
    }
    case ValueKind::kObject: {
      out->push_back('{');
      bool first = true;
      for (const auto& [k, val] : v.entries()) {
        if (!first) out->append(", ");
        first = false;
        AppendRegoTerm(k, out, quote);
        out->append(": ");
        AppendRegoTerm(val, out, quote);
      }
      out->push_back('}');
      return;
    }
  }
}

std::string RegoTerm(const Value& v) {
  std::string s;
  AppendRegoTerm(v, &s);
  return s;
}

std::string NdKey(std::string_view name, std::span<const Value> args) {
  std::string key(name);
  for (const Value& a : args) {
    key.push_back('\x1f');
    AppendRegoTerm(a, &key);
  }
  return key;
}

}  // namespace kumo::rego::a
