// SchemaValidator: checks records against the JSON Schemas in schemas/
// (compiled into the binary) with valijson, and says where a record is
// wrong by JSON Pointer.
//
// Example:
//   auto v = SchemaValidator::Load();
//   for (const ValidationError& e : (*v)->Validate("document", record))
//     Report(e.pointer, e.message);
#ifndef DOSSIER_PIPELINE_VALIDATE_SCHEMA_VALIDATOR_H_
#define DOSSIER_PIPELINE_VALIDATE_SCHEMA_VALIDATOR_H_

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/core/embedded_file.h"
#include "pipeline/core/status.h"

namespace dossier {

// Returns the schema files compiled into the binary.
const std::vector<EmbeddedFile>& BuiltinSchemas();

struct ValidationError {
  std::string pointer;  // JSON Pointer of the offending value ("" = root)
  std::string message;
};

class SchemaValidator {
 public:
  // Returns a validator holding every built-in schema, each known by its
  // file name without ".schema.json" ("document", "pattern-pack", ...), and
  // each of a schema's definitions by "<schema>/<definition>"
  // ("document/entity").
  static Result<std::shared_ptr<const SchemaValidator>> Load();
  ~SchemaValidator();

  // Returns the names of the schemas held.
  std::vector<std::string> names() const;
  // Returns the violations of `value` against schema `name` (empty when
  // valid); an unknown schema name is one violation at the root.
  std::vector<ValidationError> Validate(std::string_view name, const nlohmann::json& value) const;

 private:
  struct Compiled;
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> schemas_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_VALIDATE_SCHEMA_VALIDATOR_H_
