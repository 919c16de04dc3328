#include "pipeline/find/provision_text.h"

#include <algorithm>
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

// Longer spellings first: "sections" must win over "section". Spanish
// keywords come out in English form (ANNOTATION.md: `artículo 11` ->
// `Article 11`); `dotted` marks the Spanish way of writing a paragraph,
// "artículo 22.7" = "Article 22(7)".
struct Spelling {
  Keyword keyword;
  bool dotted = false;
};

constexpr std::array<Spelling, 40> kKeywords = {{
    {{"§§", "§", "§§"}},
    {{"§", "§", "§§"}},
    {{"subsections", "Section", "Sections"}},  // Canadian: "subsection 112(3)" is section 112's
    {{"subsection", "Section", "Sections"}},
    {{"subparagraphs", "Section", "Sections"}},
    {{"subparagraph", "Section", "Sections"}},
    {{"sections", "Section", "Sections"}},
    {{"section", "Section", "Sections"}},
    {{"secs.", "Section", "Sections"}},
    {{"sec.", "Section", "Sections"}},
    {{"ss.", "Section", "Sections"}},  // British: "ss. 3-5", "s. 3(5)"
    {{"s.", "Section", "Sections"}},
    {{"s", "Section", "Sections"}},  // "IRPA, s 113(d)(i)"
    {{"articles", "Article", "Articles"}},
    {{"article", "Article", "Articles"}},
    {{"arts.", "Article", "Articles"}},
    {{"art.", "Article", "Articles"}},
    {{"art", "Article", "Articles"}},  // British: "art 8 ECHR"
    {{"artículos", "Article", "Articles"}, true},
    {{"artículo", "Article", "Articles"}, true},
    {{"titles", "Title", "Titles"}},
    {{"title", "Title", "Titles"}},
    {{"paragraphs", "Paragraph", "Paragraphs"}},
    {{"paragraph", "Paragraph", "Paragraphs"}},
    {{"paras.", "Paragraph", "Paragraphs"}},
    {{"para.", "Paragraph", "Paragraphs"}},
    {{"párrafos", "Paragraph", "Paragraphs"}},
    {{"párrafo", "Paragraph", "Paragraphs"}},
    {{"fracciones", "Section", "Sections"}},
    {{"fracción", "Section", "Sections"}},
    {{"parts", "Part", "Parts"}},
    {{"part", "Part", "Parts"}},
    {{"pts.", "Part", "Parts"}},
    {{"pt.", "Part", "Parts"}},
    {{"rules", "Rule", "Rules"}},
    {{"rule", "Rule", "Rules"}},
    {{"divisions", "Division", "Divisions"}},
    {{"division", "Division", "Divisions"}},
    {{"chapters", "Chapter", "Chapters"}},
    {{"chapter", "Chapter", "Chapters"}},
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
    // "Article 4 and Article 13": a list item may repeat the keyword.
    if (current.empty() && !items.empty()) {
      for (const Spelling& s : kKeywords) {
        const std::string_view k = s.keyword.spelling;
        if (StartsWithLower(tail, k) && tail.size() > k.size() &&
            (tail[k.size()] == ' ' || std::isdigit(static_cast<unsigned char>(tail[k.size()])))) {
          i += k.size() + (tail[k.size()] == ' ' ? 1 : 0);
          tail = std::string_view(words).substr(i);
          break;
        }
      }
    }
    if (tail.starts_with(" (") && !current.empty()) {  // "33 (1)": UN style
      ++i;
      continue;
    }
    // "1473.7, subd. (a)(1)": a California subdivision is the section's
    // own parenthesis, "1473.7(a)(1)".
    if (tail.starts_with(", subd") && !current.empty()) {
      const size_t paren = tail.find('(');
      if (paren != std::string_view::npos && paren <= 16) {
        i += paren;
        continue;
      }
    }
    if (tail.starts_with(", and ") || tail.starts_with(", or ") || tail.starts_with(", y ")) {
      flush();
      i += tail.starts_with(", and ") ? 6 : (tail.starts_with(", or ") ? 5 : 4);
    } else if (tail.starts_with(", ") || tail.starts_with(",")) {
      flush();
      i += tail.starts_with(", ") ? 2 : 1;
    } else if (tail.starts_with(" and ") || tail.starts_with(" or ") || tail.starts_with(" & ") ||
               tail.starts_with(" y ")) {
      flush();
      i += tail.starts_with(" and ") ? 5 : (tail.starts_with(" or ") ? 4 : 3);
    } else if (tail.starts_with(" through ")) {
      current += '-';
      i += 9;
    } else if ((tail.starts_with(" a ") || tail.starts_with(" al ")) && !current.empty()) {
      current += '-';  // Spanish "artículos 89 a 101"
      i += tail.starts_with(" a ") ? 3 : 4;
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

// "22.7" -> "22(7)": an article number with a dotted paragraph.
std::string DottedToParenthesized(std::string_view item) {
  // "2.2.1.13.1.2": a decree numbered by its book, part and title, not an
  // article with a paragraph.
  if (std::count(item.begin(), item.end(), '.') > 1) return std::string(item);
  size_t digits = 0;
  while (digits < item.size() && std::isdigit(static_cast<unsigned char>(item[digits]))) ++digits;
  if (digits == 0 || digits >= item.size() || item[digits] != '.') return std::string(item);
  size_t end = digits + 1;
  while (end < item.size() && std::isdigit(static_cast<unsigned char>(item[end]))) ++end;
  if (end == digits + 1) return std::string(item);
  return std::string(item.substr(0, digits)) + "(" + std::string(item.substr(digits + 1, end - digits - 1)) + ")" +
         std::string(item.substr(end));
}

std::string NormalizeProvision(std::string_view text) {
  const std::string flat = CollapseSpaces(text);
  for (const Spelling& s : kKeywords) {
    const Keyword& k = s.keyword;
    if (!StartsWithLower(flat, k.spelling)) continue;
    // "articles" must not be read as "article" + "s"
    const size_t after = k.spelling.size();
    // nor "artículo" as "art" + "ículo"
    if (after < flat.size() && (std::isalpha(static_cast<unsigned char>(flat[after])) ||
                                static_cast<unsigned char>(flat[after]) >= 0x80)) {
      continue;
    }
    std::vector<std::string> items = Items(std::string_view(flat).substr(after));
    if (items.empty()) break;
    if (s.dotted) {
      for (std::string& item : items) {
        // "artículo 1o.": Mexican law writes its first articles as ordinals.
        if (item.size() >= 2 && item.back() == 'o' &&
            std::all_of(item.begin(), item.end() - 1, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          item.pop_back();
        }
        item = DottedToParenthesized(item);
      }
    }
    // "§§ 1225-1226" stays plural: the sign says the range is two sections.
    const bool plural = items.size() > 1 || (k.spelling.ends_with("s") && k.spelling != "s") || k.spelling == "§§" ||
                        k.spelling == "secs." || k.spelling == "ss." || k.spelling == "arts." ||
                        k.spelling == "paras." || k.spelling == "fracciones";
    return std::string(plural ? k.plural : k.singular) + " " + Join(items);
  }
  return flat;
}

std::string NormalizeCodeSection(std::string_view text) {
  const std::string flat = CollapseSpaces(text);
  if (flat.starts_with("§") || (!flat.empty() && std::isalpha(static_cast<unsigned char>(flat[0])))) {
    return NormalizeProvision(flat);  // "§ 1225", "part 208"
  }
  std::vector<std::string> items = Items(flat);
  return std::string(items.size() > 1 ? "§§ " : "§ ") + Join(items);
}

}  // namespace dossier
