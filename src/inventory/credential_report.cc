// AWS IAM credential report (formats spec A5): the CSV, or the JSON of
// `aws iam get-credential-report` whose `Content` is the CSV in base64.
//
// Each row becomes a resource whose supplementary.credentialReport is the
// row (CSV column -> CSV string). The merge pass (loader.cc) folds it into
// the matching AWS::IAM::User; the `<root_account>` row is the account's
// AWS::IAM::RootAccount. The report does not name its account: the row
// ARNs do.
#include <string>
#include <vector>

#include "common/base64.h"
#include "inventory/format.h"
#include "inventory/util.h"

namespace kumo::inventory {
namespace {

constexpr std::string_view kRootUser = "<root_account>";

// Splits CSV text into rows of fields (RFC 4180 quoting, CRLF or LF).
// `lines` receives each row's 1-based starting line.
void ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* rows,
              std::vector<uint64_t>* lines) {
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool row_has_data = false;
  uint64_t line = 1;
  uint64_t row_line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      row_has_data = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_has_data = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (row_has_data || !field.empty()) {
        row.push_back(std::move(field));
        rows->push_back(std::move(row));
        lines->push_back(row_line);
      }
      row.clear();
      field.clear();
      row_has_data = false;
      ++line;
      row_line = line;
    } else {
      field.push_back(c);
      row_has_data = true;
    }
  }
  if (row_has_data || !field.empty()) {
    row.push_back(std::move(field));
    rows->push_back(std::move(row));
    lines->push_back(row_line);
  }
}

// The account id (5th field) of an ARN, or "".
std::string_view ArnAccount(std::string_view arn) {
  size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    pos = arn.find(':', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  size_t end = arn.find(':', pos);
  return end == std::string_view::npos ? std::string_view() : arn.substr(pos, end - pos);
}

void ConvertCsv(std::string_view text, RecordContext& ctx) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<uint64_t> lines;
  ParseCsv(text, &rows, &lines);
  if (rows.empty()) {
    ctx.Skip("credential_report_empty", "credential report is empty (no header row)");
    return;
  }
  const std::vector<std::string>& header = rows[0];
  int user_col = -1, arn_col = -1;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "user") user_col = static_cast<int>(i);
    if (header[i] == "arn") arn_col = static_cast<int>(i);
  }
  if (user_col < 0 || arn_col < 0) {
    ctx.SetRecord(0, 1);
    ctx.Skip("credential_report_bad_header",
             "credential report header lacks the `user` and `arn` columns");
    return;
  }
  std::vector<Value> keys;
  keys.reserve(header.size());
  for (const std::string& h : header) keys.push_back(Value::String(h));
  for (size_t r = 1; r < rows.size(); ++r) {
    ctx.SetRecord(r, lines[r]);
    const std::vector<std::string>& row = rows[r];
    if (row.size() != header.size()) {
      ctx.Skip("credential_report_bad_row", "row has " + std::to_string(row.size()) +
                                                " fields, the header has " +
                                                std::to_string(header.size()));
      continue;
    }
    const std::string& user = row[user_col];
    const std::string& arn = row[arn_col];
    std::string_view account = ArnAccount(arn);
    if (user.empty() || account.empty()) {
      ctx.Skip("credential_report_bad_row",
               "row has no user name or no ARN with an account id: '" + arn + "'");
      continue;
    }
    std::vector<ObjectEntry> cells;
    cells.reserve(row.size());
    for (size_t i = 0; i < row.size(); ++i) cells.emplace_back(keys[i], Value::String(row[i]));
    Value report_row = Value::Object(std::move(cells));

    Staged s;
    Resource& res = s.resource;
    res.provider = Provider::kAws;
    res.account = std::string(account);
    res.region = "global";
    res.name = user;
    if (user == kRootUser) {
      res.type = "AWS::IAM::RootAccount";
      res.id = "arn:aws:iam::" + res.account + ":root";
    } else {
      res.type = "AWS::IAM::User";
      res.id = arn;
    }
    res.config = Value::Object({{Value::String("userName"), Value::String(user)},
                                {Value::String("arn"), Value::String(res.id)}});
    res.supplementary = Value::Object({{Value::String("credentialReport"), report_row}});
    res.source_format = "aws-iam-credential-report";
    s.role = MergeRole::kCredentialReport;
    ctx.Add(std::move(s));
  }
}

bool LooksLikeCsvReport(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  return head.rfind("user,arn,", 0) == 0 || head.rfind("\"user\",\"arn\",", 0) == 0;
}

}  // namespace

int DetectCredentialReport(const Probe& p) {
  if (p.first == nullptr) return LooksLikeCsvReport(p.head) ? 100 : 0;
  const Value& v = *p.first;
  if (!v.is_object()) return 0;
  const Value* content = v.Find("Content");
  if (content != nullptr && content->is_string() &&
      (v.Find("ReportFormat") != nullptr || v.Find("GeneratedTime") != nullptr)) {
    return 95;
  }
  return 0;
}

void ConvertCredentialReport(const Value& rec, RecordContext& ctx) {
  const Value* content = rec.is_object() ? rec.Find("Content") : nullptr;
  if (content == nullptr || !content->is_string()) {
    ctx.Skip("credential_report_no_content", "credential report response has no `Content` string");
    return;
  }
  std::string_view fmt = StrAny(rec, {"ReportFormat"});
  if (!fmt.empty() && fmt != "text/csv") {
    ctx.Skip("credential_report_format", "unsupported ReportFormat '" + std::string(fmt) + "'");
    return;
  }
  std::string csv;
  std::string_view c = content->as_string();
  if (LooksLikeCsvReport(c)) {
    csv = std::string(c);  // some tools store the CSV undecoded
  } else if (!Base64Decode(c, &csv)) {
    ctx.Skip("credential_report_bad_base64", "credential report `Content` is not valid base64");
    return;
  }
  uint64_t record = ctx.record();
  ConvertCsv(csv, ctx);
  ctx.SetRecord(record, 0);
}

void ConvertCredentialReportText(std::string_view text, RecordContext& ctx) {
  ConvertCsv(text, ctx);
}

}  // namespace kumo::inventory
