// Status and Result<T>: how failures cross kumo's APIs.
//
// No exception crosses a public API. A function that can fail returns a
// [[nodiscard]] Status (no value) or Result<T> (a value or a Status). The
// message says what was wrong, where, and what to do about it.
#ifndef KUMO_COMMON_STATUS_H_
#define KUMO_COMMON_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kumo {

// Broad classes of failure; the CLI maps them to exit codes.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // bad usage or bad input (exit 2)
  kNotFound,          // a named file, resource or key does not exist
  kParseError,        // input could not be parsed
  kUnsupported,       // valid input kumo does not handle (yet)
  kResourceExhausted, // a limit was hit (depth, size, steps, time)
  kIoError,           // the operating system said no
  kInternal,          // a bug in kumo
};

// Short lower-case name of a code, e.g. "parse_error".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "parse_error: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status ParseError(std::string m) { return {StatusCode::kParseError, std::move(m)}; }
inline Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
inline Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value of type T, or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result built from an OK Status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kumo

// Returns early from the enclosing function when `expr` is not OK.
#define KUMO_RETURN_IF_ERROR(expr)        \
  do {                                    \
    ::kumo::Status kumo_status_ = (expr); \
    if (!kumo_status_.ok()) return kumo_status_; \
  } while (0)

#endif  // KUMO_COMMON_STATUS_H_
