#include "pipeline/validate/schema_validator.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <exception>

namespace dossier {

struct SchemaValidator::Compiled {
  nlohmann::json source;
  valijson::Schema schema;
};

namespace {

// valijson names the path as "<root>", "[entities]", "[0]"...: turn it into a
// JSON Pointer ("/entities/0").
std::string PointerOf(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      token = token.substr(1, token.size() - 2);
    }
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
      token = token.substr(1, token.size() - 2);
    }
    std::string escaped;
    for (char c : token) {
      if (c == '~') escaped += "~0";
      else if (c == '/') escaped += "~1";
      else escaped += c;
    }
    pointer += "/" + escaped;
  }
  return pointer;
}

}  // namespace

SchemaValidator::~SchemaValidator() = default;

Result<std::shared_ptr<const SchemaValidator>> SchemaValidator::Load() {
  auto validator = std::make_shared<SchemaValidator>();
  for (const EmbeddedFile& file : BuiltinSchemas()) {
    std::string name = file.name;
    const std::string suffix = ".schema.json";
    if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    nlohmann::json source = nlohmann::json::parse(file.text, nullptr, false);
    if (source.is_discarded()) return Internal("schema " + name + " is not JSON");
    // Each definition is a schema of its own too ("document/entity"), so a
    // long record can be checked a piece at a time.
    std::vector<std::pair<std::string, nlohmann::json>> parts;
    if (source.contains("definitions") && source["definitions"].is_object()) {
      for (const auto& [def, _] : source["definitions"].items()) {
        parts.emplace_back(name + "/" + def,
                           nlohmann::json{{"definitions", source["definitions"]},
                                          {"allOf", {{{"$ref", "#/definitions/" + def}}}}});
      }
    }
    parts.emplace_back(name, std::move(source));
    for (auto& [part_name, part] : parts) {
      auto compiled = std::make_unique<Compiled>();
      compiled->source = std::move(part);
      try {
        valijson::SchemaParser parser;
        valijson::adapters::NlohmannJsonAdapter adapter(compiled->source);
        parser.populateSchema(adapter, compiled->schema);
      } catch (const std::exception& e) {
        return Internal("schema " + part_name + ": " + e.what());
      }
      validator->schemas_[part_name] = std::move(compiled);
    }
  }
  return std::shared_ptr<const SchemaValidator>(std::move(validator));
}

std::vector<std::string> SchemaValidator::names() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : schemas_) out.push_back(name);
  return out;
}

std::vector<ValidationError> SchemaValidator::Validate(std::string_view name,
                                                       const nlohmann::json& value) const {
  auto it = schemas_.find(name);
  if (it == schemas_.end()) return {{"", "no schema named " + std::string(name)}};
  std::vector<ValidationError> errors;
  try {
    // valijson compiles each `pattern` keyword's std::regex once per
    // Validator: one per thread keeps them across calls (records are checked
    // a piece at a time, entity by entity).
    thread_local valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(value);
    if (validator.validate(it->second->schema, target, &results)) return {};
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      errors.push_back({PointerOf(error.context), error.description});
    }
  } catch (const std::exception& e) {
    errors.push_back({"", std::string("validator failed: ") + e.what()});
  }
  if (errors.empty()) errors.push_back({"", "invalid"});
  return errors;
}

}  // namespace dossier
