#include "rego/builtins/categories.h"

namespace kumo::rego {

void BuiltinRegistry::Add(BuiltinDef def) {
  auto it = index_.find(def.name);
  if (it != index_.end()) {
    defs_[it->second] = std::move(def);  // a later registration replaces
    return;
  }
  index_.emplace(def.name, defs_.size());
  defs_.push_back(std::move(def));
}

const BuiltinDef* BuiltinRegistry::Find(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &defs_[it->second];
}

const BuiltinRegistry& BuiltinRegistry::Default() {
  static const BuiltinRegistry registry = [] {
    BuiltinRegistry r;
    using RegisterFn = void (*)(BuiltinRegistry&);
    const RegisterFn fns[] = {
        RegisterCoreBuiltins,     RegisterNumbersBuiltins,     RegisterAggregatesBuiltins,
        RegisterSetsBuiltins,     RegisterArraysBuiltins,      RegisterObjectsBuiltins,
        RegisterStringsBuiltins,  RegisterRegexBuiltins,       RegisterGlobBuiltins,
        RegisterEncodingBuiltins, RegisterJsonBuiltins,        RegisterTypesBuiltins,
        RegisterUnitsBuiltins,    RegisterSemverBuiltins,      RegisterUuidBuiltins,
        RegisterUriBuiltins,      RegisterDeprecatedBuiltins,  RegisterTimeBuiltins,
        RegisterNetBuiltins,      RegisterCryptoBuiltins,      RegisterJwtBuiltins,
        RegisterGraphBuiltins,    RegisterUnsupportedBuiltins,
    };
    for (RegisterFn fn : fns) fn(r);
    return r;
  }();
  return registry;
}

}  // namespace kumo::rego
