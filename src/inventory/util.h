// Small Value helpers shared by the inventory converters. Internal.
#ifndef KUMO_INVENTORY_UTIL_H_
#define KUMO_INVENTORY_UTIL_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "json/json.h"
#include "value/value.h"

namespace kumo::inventory {

// The member under the first of `keys` that `obj` has (camelCase/snake_case
// spellings), or nullptr.
const Value* FindAny(const Value& obj, std::initializer_list<std::string_view> keys);
// The string under the first of `keys`, or "" when absent or not a string.
std::string_view StrAny(const Value& obj, std::initializer_list<std::string_view> keys);

// Adds tags from a map ({k: v}) or a list of {key,value} / {Key,Value} /
// {tagName,tagValue}; non-string values are written as JSON text.
void AddTags(const Value& tags, std::map<std::string, std::string>* out);

// `obj` with `key` set to `v` (an object is made when `obj` is not one).
Value WithMember(const Value& obj, std::string_view key, Value v);
// Objects: `base` with every member of `over` set on it.
Value MergeObjects(const Value& base, const Value& over);

// Lower-cases ASCII letters.
std::string AsciiLower(std::string_view s);
bool StartsWithNoCase(std::string_view s, std::string_view prefix);
// The part after the last '/', or `s` itself.
std::string_view LastSegment(std::string_view s);

// Parses a timestamp (ISO-8601 with Z or an offset, fractional seconds
// optional, or epoch seconds as a number) into ms since the epoch; 0 when
// it cannot be read.
int64_t TimestampMillis(const Value& v);

// Whether the first non-space byte of `text` can start a JSON object/array.
bool LooksLikeJsonContainer(std::string_view text);

}  // namespace kumo::inventory

#endif  // KUMO_INVENTORY_UTIL_H_
