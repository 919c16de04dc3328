// Stable names of the core enums, as written in records and schemas.
#include <array>
#include <string_view>

#include "pipeline/core/entity.h"
#include "pipeline/core/format.h"
#include "pipeline/core/segment.h"
#include "pipeline/core/status.h"

namespace dossier {

namespace {
constexpr std::array<std::string_view, 7> kFormatNames = {
    "unknown", "pdf", "html", "json", "jsonl", "markdown", "text"};
constexpr std::array<std::string_view, 9> kRoleNames = {
    "body", "title", "heading", "list_item", "quote", "table", "caption", "footnote", "separator"};
constexpr std::array<std::string_view, 4> kEntityNames = {"date", "statistic", "statute", "citation"};
constexpr std::array<std::string_view, 8> kStatusNames = {
    "ok", "invalid_input", "unsupported", "encrypted", "empty", "io", "limit", "internal"};
}  // namespace

std::string_view FormatName(Format f) { return kFormatNames[static_cast<size_t>(f)]; }

Format FormatFromName(std::string_view name) {
  for (size_t i = 0; i < kFormatNames.size(); ++i) {
    if (kFormatNames[i] == name) return static_cast<Format>(i);
  }
  return Format::kUnknown;
}

std::string_view RoleName(Role r) { return kRoleNames[static_cast<size_t>(r)]; }
std::string_view EntityTypeName(EntityType t) { return kEntityNames[static_cast<size_t>(t)]; }
std::string_view StatusCodeName(StatusCode c) { return kStatusNames[static_cast<size_t>(c)]; }

}  // namespace dossier
