// Rego lexer and parser: source text -> AST (rego/ast.h), both dialects.
//
// The parser is contextual about keywords the way OPA is: `contains` and
// `if` are keywords only in rule heads, `in`/`every` only when the dialect
// (v1, or v0 with the matching future.keywords import) enables them, so that
// v0 policies may still use them as names. Errors are OPA's
// rego_parse_error with file/row/col.
#ifndef KUMO_REGO_PARSER_H_
#define KUMO_REGO_PARSER_H_

#include <memory>
#include <string>
#include <string_view>

#include "rego/ast.h"
#include "rego/rego.h"

namespace kumo::rego {

struct ParseOptions {
  RegoVersion version = RegoVersion::kV1;
  bool experimental_keywords = false;  // `and` / `or`
  // For queries: which future keywords are on (queries have no imports).
  bool all_keywords = false;
};

// Parses one module. `filename` must outlive nothing: the Module keeps a copy
// and every Loc points at that copy.
RegoResult<std::unique_ptr<Module>> ParseModule(const std::string& filename, std::string_view text,
                                                const ParseOptions& opts);

// Parses a query body ("data.x.p = y; z := 1"). `file` must outlive the result.
RegoResult<Body> ParseQuery(std::string_view text, const std::string* file,
                            const ParseOptions& opts);

// Parses a single term (used for input_term and ParseTerm); `file` as above.
RegoResult<TermPtr> ParseSingleTerm(std::string_view text, const std::string* file);

}  // namespace kumo::rego

#endif  // KUMO_REGO_PARSER_H_
