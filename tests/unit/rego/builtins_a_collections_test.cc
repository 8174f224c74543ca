// Objects, sets, arrays, types and deprecated builtins of builtins-A.
#include "unit/rego/builtins_a_test_util.h"

namespace kumo::rego::atest {
namespace {

TEST(BuiltinsAObjects, GetKeysRemoveFilterUnion) {
  Value obj = J("{\"a\": {\"b\": [10, 20]}, \"c\": 1}");
  EXPECT_EQ(Eval("object.get", {obj, S("c"), I(0)}), "1");
  EXPECT_EQ(Eval("object.get", {obj, S("x"), S("dflt")}), "\"dflt\"");
  EXPECT_EQ(Eval("object.get", {obj, J("[\"a\", \"b\", 1]"), I(0)}), "20");
  EXPECT_EQ(Eval("object.get", {obj, J("[\"a\", \"z\"]"), I(0)}), "0");
  EXPECT_EQ(Eval("object.get", {obj, J("[]"), I(0)}), json::ToJson(obj));
  EXPECT_EQ(Eval("object.get", {S("x"), S("c"), I(0)}),
            "error:eval_type_error:operand 1 must be object but got string");
  EXPECT_EQ(Eval("object.keys", {obj}), "[\"a\",\"c\"]");
  EXPECT_EQ(Eval("object.remove", {obj, J("[\"a\"]")}), "{\"c\":1}");
  EXPECT_EQ(Eval("object.remove", {obj, S("a")}),
            "error:eval_type_error:operand 2 must be one of {object, set, array} but got string");
  EXPECT_EQ(Eval("object.filter", {obj, SetOf({S("c")})}), "{\"c\":1}");
  EXPECT_EQ(Eval("object.union", {J("{\"a\": {\"x\": 1}, \"b\": 1}"), J("{\"a\": {\"y\": 2}}")}),
            "{\"a\":{\"x\":1,\"y\":2},\"b\":1}");
  EXPECT_EQ(Eval("object.union", {J("[]"), J("{}")}),
            "error:eval_type_error:operand 1 must be object but got array");
  EXPECT_EQ(Eval("object.union_n", {J("[{\"a\": {\"b\": 2}}, {\"a\": 4}, {\"a\": {\"c\": 3}}]")}),
            "{\"a\":{\"c\":3}}");
}

TEST(BuiltinsAObjects, Subset) {
  EXPECT_EQ(Eval("object.subset", {J("{\"a\": {\"b\": 1, \"c\": 2}}"), J("{\"a\": {\"b\": 1}}")}),
            "true");
  EXPECT_EQ(Eval("object.subset", {J("[1, 2, 3, 4]"), J("[2, 3]")}), "true");
  EXPECT_EQ(Eval("object.subset", {J("[1, 2, 3, 4]"), J("[2, 4]")}), "false");
  EXPECT_EQ(Eval("object.subset", {J("[1, 2]"), SetOf({I(2)})}), "true");
  EXPECT_EQ(Eval("object.subset", {SetOf({I(1), I(2)}), SetOf({I(3)})}), "false");
  EXPECT_EQ(Eval("object.subset", {J("{}"), J("[]")}),
            "error:eval_type_error:both arguments object.subset must be of the same type or array "
            "and set");
}

TEST(BuiltinsASets, Operators) {
  Value a = SetOf({I(1), I(2), I(3)});
  Value b = SetOf({I(2), I(3), I(4)});
  EXPECT_EQ(Eval("and", {a, b}), "[2,3]");
  EXPECT_EQ(Eval("or", {a, b}), "[1,2,3,4]");
  EXPECT_EQ(Eval("intersection", {SetOf({a, b})}), "[2,3]");
  EXPECT_EQ(Eval("union", {SetOf({a, b})}), "[1,2,3,4]");
  EXPECT_EQ(Eval("intersection", {SetOf({a, I(1)})}),
            "error:eval_type_error:operand 1 must be set of sets but got set containing number");
  EXPECT_EQ(Eval("and", {a, I(1)}), "error:eval_type_error:operand 2 must be set but got number");
}

TEST(BuiltinsAArrays, ConcatSliceReverseFlatten) {
  EXPECT_EQ(Eval("array.concat", {J("[1]"), J("[2, 3]")}), "[1,2,3]");
  EXPECT_EQ(Eval("array.concat", {J("{}"), J("[]")}),
            "error:eval_type_error:operand 1 must be array but got object");
  EXPECT_EQ(Eval("array.slice", {J("[1, 2, 3, 4]"), I(1), I(3)}), "[2,3]");
  EXPECT_EQ(Eval("array.slice", {J("[1, 2, 3, 4]"), I(-5), I(10)}), "[1,2,3,4]");
  EXPECT_EQ(Eval("array.slice", {J("[1, 2]"), I(2), I(1)}), "[]");
  EXPECT_EQ(Eval("array.reverse", {J("[1, 2, 3]")}), "[3,2,1]");
  EXPECT_EQ(Eval("array.flatten", {J("[[1, [2]], 3]")}), "[1,[2],3]");
}

TEST(BuiltinsATypes, IsAndTypeName) {
  EXPECT_EQ(Eval("is_number", {N("1.5")}), "true");
  EXPECT_EQ(Eval("is_number", {S("1")}), "false");
  EXPECT_EQ(Eval("is_set", {Value::EmptySet()}), "true");
  EXPECT_EQ(Eval("is_null", {Value::Null()}), "true");
  EXPECT_EQ(Eval("type_name", {J("{}")}), "\"object\"");
  EXPECT_EQ(Eval("type_name", {Value::Bool(true)}), "\"boolean\"");
}

TEST(BuiltinsADeprecated, V0Only) {
  const BuiltinDef* d = Registry().Find("re_match");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->deprecated);
  EXPECT_EQ(Eval("any", {J("[false, true]")}), "true");
  EXPECT_EQ(Eval("all", {J("[]")}), "true");
  EXPECT_EQ(Eval("all", {J("[true, 1]")}), "false");
  EXPECT_EQ(Eval("re_match", {S("^a+$"), S("aaa")}), "true");
  EXPECT_EQ(Eval("set_diff", {SetOf({I(1), I(2)}), SetOf({I(2)})}), "[1]");
  EXPECT_EQ(Eval("cast_array", {SetOf({I(2), I(1)})}), "[1,2]");
  EXPECT_EQ(Eval("cast_set", {J("[1, 1]")}), "[1]");
  EXPECT_EQ(Eval("cast_array", {S("x")}),
            "error:eval_type_error:operand 1 must be one of {array, set} but got string");
  EXPECT_EQ(Eval("cast_boolean", {I(1)}),
            "error:eval_type_error:operand 1 must be boolean but got number");
}

}  // namespace
}  // namespace kumo::rego::atest
