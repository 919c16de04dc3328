#include "pipeline/find/provision_text.h"

#include <array>
#include <cctype>
#include <vector>

namespace dossier {

namespace {

struct Keyword {
  std::string_view spelling;  // lower case, as it may start the reference
  std::string_view singular;
  std::string_view plural;
};

// Longer spellings first: "sections" must win over "section".
constexpr std::array<Keyword, 14> kKeywords = {{
    {"§§", "§", "§§"},
    {"§", "§", "§§"},
    {"sections", "Section", "Sections"},
    {"section", "Section", "Sections"},
    {"secs.", "Section", "Sections"},
    {"sec.", "Section", "Sections"},
    {"articles", "Article", "Articles"},
    {"article", "Article", "Articles"},
    {"arts.", "Article", "Articles"},
    {"art.", "Article", "Articles"},
    {"titles", "Title", "Titles"},
    {"title", "Title", "Titles"},
    {"paragraphs", "Paragraph", "Paragraphs"},
    {"paragraph", "Paragraph", "Paragraphs"},
}};

bool StartsWithLower(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(prefix[i])) {
      return false;
    }
  }
  return true;
}

// Splits "9 and 14", "3, 22", "1225 through 1226" into items; ranges stay
// one item written with "-".
std::vector<std::string> Items(std::string_view rest) {
  std::vector<std::string> items;
  std::string words = CollapseSpaces(rest);
  std::string current;
  size_t i = 0;
  auto flush = [&] {
    std::string item = CollapseSpaces(current);
    if (!item.empty()) items.push_back(item);
    current.clear();
  };
  while (i < words.size()) {
    std::string_view tail = std::string_view(words).substr(i);
    if (tail.starts_with(", and ") || tail.starts_with(", or ")) {
      flush();
      i += tail.starts_with(", and ") ? 6 : 5;
    } else if (tail.starts_with(", ") || tail.starts_with(",")) {
      flush();
      i += tail.starts_with(", ") ? 2 : 1;
    } else if (tail.starts_with(" and ") || tail.starts_with(" or ") || tail.starts_with(" & ")) {
      flush();
      i += tail.starts_with(" and ") ? 5 : (tail.starts_with(" or ") ? 4 : 3);
    } else if (tail.starts_with(" through ")) {
      current += '-';
      i += 9;
    } else if (tail.starts_with(" - ") || tail.starts_with(" -") || tail.starts_with("- ")) {
      current += '-';
      i += tail.starts_with(" - ") ? 3 : 2;
    } else {
      current += words[i];
      ++i;
    }
  }
  flush();
  return items;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

}  // namespace

std::string NormalizeProvision(std::string_view text) {
  const std::string flat = CollapseSpaces(text);
  for (const Keyword& k : kKeywords) {
    if (!StartsWithLower(flat, k.spelling)) continue;
    std::vector<std::string> items = Items(std::string_view(flat).substr(k.spelling.size()));
    if (items.empty()) break;
    // "§§ 1225-1226" stays plural: the sign says the range is two sections.
    const bool plural = items.size() > 1 || k.spelling == "§§" || k.spelling == "sections" ||
                        k.spelling == "articles" || k.spelling == "secs." || k.spelling == "arts.";
    return std::string(plural ? k.plural : k.singular) + " " + Join(items);
  }
  return flat;
}

std::string NormalizeCodeSection(std::string_view text) {
  const std::string flat = CollapseSpaces(text);
  if (flat.starts_with("§")) return NormalizeProvision(flat);
  std::vector<std::string> items = Items(flat);
  return std::string(items.size() > 1 ? "§§ " : "§ ") + Join(items);
}

}  // namespace dossier
