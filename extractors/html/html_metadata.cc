#include "extractors/html/html_metadata.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `n` digits at s[i]; returns -1 when they are not there.
int Digits(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!IsDigit(s[i + k])) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  return v;
}

bool ValidDay(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int MonthOf(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  const std::string w = AsciiLower(word.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string FormatDay(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Parses "HH:MM[:SS[.fff]][zone]" at s[i]; appends its ISO form to `out`.
void AppendTime(std::string_view s, size_t i, std::string& out) {
  const int hh = Digits(s, i, 2);
  if (hh < 0 || hh > 24 || i + 2 >= s.size() || s[i + 2] != ':') return;
  const int mm = Digits(s, i + 3, 2);
  if (mm < 0 || mm > 59) return;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
  std::string t = buf;
  i += 5;
  if (i + 2 < s.size() + 0 && s[i] == ':' && Digits(s, i + 1, 2) >= 0) {
    t += s.substr(i, 3);
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;  // fractions dropped
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      t += 'Z';
    } else if (s[i] == '+' || s[i] == '-') {
      const int zh = Digits(s, i + 1, 2);
      int zm = -1;
      if (zh >= 0) {
        if (i + 3 < s.size() && s[i + 3] == ':') {
          zm = Digits(s, i + 4, 2);
        } else {
          zm = Digits(s, i + 3, 2);
          if (zm < 0) zm = 0;
        }
      }
      if (zh >= 0 && zh <= 14 && zm >= 0 && zm <= 59) {
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", s[i], zh, zm);
        t += buf;
      }
    } else if (s.substr(i, 3) == "GMT" || s.substr(i, 3) == "UTC") {
      t += 'Z';
    }
  }
  out += t;
}

struct Collected {
  std::string og_title, meta_title, html_title, h1;
  std::string author_meta, author_itemprop, author_rel;
  std::string published_meta, published_itemprop, date_meta, time_datetime;
  std::string modified_meta, modified_itemprop;
  std::string canonical, og_url;
  std::string lang, content_language, og_locale;
  std::string site_name;
  std::vector<std::string> json_ld;
};

void SetOnce(std::string& field, std::string_view value) {
  if (field.empty()) field = CollapseSpaces(value);
}

// Returns the text of element `i` (its text descendants joined).
std::string ElementText(const HtmlTree& tree, int32_t i, size_t limit = 2000) {
  std::string out;
  std::vector<int32_t> stack = {i};
  while (!stack.empty() && out.size() < limit) {
    const int32_t n = stack.back();
    stack.pop_back();
    const HtmlNode& node = tree.node(n);
    if (node.tag == Tag::kText) {
      out += tree.Text(n);
      continue;
    }
    if (node.tag == Tag::kScript || node.tag == Tag::kStyle) continue;
    std::vector<int32_t> kids;
    for (int32_t k = node.first_child; k >= 0; k = tree.node(k).next) kids.push_back(k);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    if (node.tag == Tag::kBr) out += ' ';
  }
  return CollapseSpaces(out);
}

bool TypeIs(const nlohmann::json& obj, std::initializer_list<std::string_view> names) {
  auto match = [&](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    for (std::string_view n : names) {
      if (s.find(n) != std::string::npos) return true;
    }
    return false;
  };
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (match(t)) return true;
    }
    return false;
  }
  return match(*it);
}

std::string JsonString(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && it->front().is_string()) {
    return it->front().get<std::string>();
  }
  return "";
}

std::string JsonName(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) return JsonString(v, "name");
  if (v.is_array()) {
    std::string names;
    for (const auto& e : v) {
      std::string n = JsonName(e);
      if (n.empty()) continue;
      if (!names.empty()) names += ", ";
      names += n;
    }
    return names;
  }
  return "";
}

// Collects the schema.org objects of a JSON-LD value (arrays and @graph).
void Flatten(const nlohmann::json& v, std::vector<const nlohmann::json*>& out, int depth = 0) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const auto& e : v) Flatten(e, out, depth + 1);
  } else if (v.is_object()) {
    out.push_back(&v);
    auto g = v.find("@graph");
    if (g != v.end()) Flatten(*g, out, depth + 1);
    auto main_entity = v.find("mainEntity");
    if (main_entity != v.end() && main_entity->is_object()) Flatten(*main_entity, out, depth + 1);
  }
}

// Strips a site name from a <title>: "Story headline | Site" -> "Story headline".
std::string StripSiteName(const std::string& title, const std::string& site) {
  static constexpr std::array<std::string_view, 6> kSeparators = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB "};
  std::string best = title;
  for (std::string_view sep : kSeparators) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos || at < 15) continue;
    const std::string tail = title.substr(at + sep.size());
    // Only a short tail (or the known site name) is taken for a site name.
    if (tail.size() <= 40 || (!site.empty() && tail.find(site) != std::string::npos)) {
      best = title.substr(0, at);
      break;
    }
  }
  return best;
}

}  // namespace

std::string IsoDate(std::string_view value) {
  std::string v = CollapseSpaces(value);
  std::string_view s = v;
  if (s.size() < 4) return "";
  // ISO-like: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, then an optional time.
  const int y = Digits(s, 0, 4);
  if (y > 0) {
    int m = -1, d = -1;
    size_t i = 0;
    if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
      m = Digits(s, 5, 2);
      d = Digits(s, 8, 2);
      i = 10;
    } else if (s.size() >= 8 && Digits(s, 4, 4) >= 0) {
      m = Digits(s, 4, 2);
      d = Digits(s, 6, 2);
      i = 8;
    } else if (s.size() == 7 && s[4] == '-' && Digits(s, 5, 2) >= 1) {
      const int mm = Digits(s, 5, 2);
      if (mm <= 12) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, mm);
        return buf;
      }
      return "";
    } else if (s.size() == 4) {
      return (y >= 1000 && y <= 2999) ? std::string(s) : "";
    }
    if (!ValidDay(y, m, d)) return "";
    if (i < s.size() && IsDigit(s[i])) return "";
    std::string out = FormatDay(y, m, d);
    if (i < s.size() && (s[i] == 'T' || s[i] == ' ' || s[i] == 't')) AppendTime(s, i + 1, out);
    return out;
  }
  // Written dates: "Nov 19, 2019", "19 November 2019", "Tue, 19 Nov 2019 18:00:00 GMT".
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    const size_t b = i;
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  int month = 0, day = 0, year = 0;
  for (std::string_view w : words) {
    if (!month && MonthOf(w) && !IsDigit(w[0])) {
      month = MonthOf(w);
    } else if (IsDigit(w[0])) {
      std::string_view digits = w;
      while (!digits.empty() && !IsDigit(digits.back())) digits.remove_suffix(1);  // "19th"
      const int n = Digits(digits, 0, digits.size());
      if (digits.size() == 4 && !year) {
        year = n;
      } else if (digits.size() <= 2 && !day && n >= 1 && n <= 31 && !year) {
        day = n;
      } else if (year) {
        break;  // a time after the year
      }
    }
  }
  if (ValidDay(year, month, day)) return FormatDay(year, month, day);
  return "";
}

PageMetadata ReadPageMetadata(const HtmlTree& tree) {
  Collected c;
  // One iterative pass over every element.
  for (int32_t i = 1; i < static_cast<int32_t>(tree.size()); ++i) {
    const HtmlNode& n = tree.node(i);
    switch (n.tag) {
      case Tag::kHtml: {
        SetOnce(c.lang, tree.Attr(i, "lang"));
        SetOnce(c.lang, tree.Attr(i, "xml:lang"));
        break;
      }
      case Tag::kTitle:
        if (c.html_title.empty()) c.html_title = ElementText(tree, i);
        break;
      case Tag::kH1:
        if (c.h1.empty()) c.h1 = ElementText(tree, i);
        break;
      case Tag::kMeta: {
        const std::string key = AsciiLower(!tree.Attr(i, "property").empty() ? tree.Attr(i, "property")
                                      : !tree.Attr(i, "name").empty()   ? tree.Attr(i, "name")
                                      : !tree.Attr(i, "itemprop").empty()
                                          ? tree.Attr(i, "itemprop")
                                          : tree.Attr(i, "http-equiv"));
        const std::string_view content = tree.Attr(i, "content");
        if (key.empty() || content.empty()) break;
        if (key == "og:title" || key == "twitter:title") SetOnce(c.og_title, content);
        else if (key == "title" || key == "dc.title") SetOnce(c.meta_title, content);
        else if (key == "author" || key == "article:author" || key == "dc.creator" ||
                 key == "byl" || key == "parsely-author" || key == "sailthru.author")
          SetOnce(c.author_meta, content);
        else if (key == "article:published_time" || key == "og:published_time" ||
                 key == "datepublished" || key == "publishdate" || key == "pubdate" ||
                 key == "publish-date" || key == "sailthru.date" || key == "parsely-pub-date")
          SetOnce(c.published_meta, content);
        else if (key == "date" || key == "dc.date" || key == "dc.date.issued" ||
                 key == "dcterms.date" || key == "dcterms.created" || key == "citation_date" ||
                 key == "citation_publication_date")
          SetOnce(c.date_meta, content);
        else if (key == "article:modified_time" || key == "og:updated_time" ||
                 key == "datemodified" || key == "dcterms.modified" || key == "last-modified")
          SetOnce(c.modified_meta, content);
        else if (key == "og:url") SetOnce(c.og_url, content);
        else if (key == "og:site_name") SetOnce(c.site_name, content);
        else if (key == "og:locale") SetOnce(c.og_locale, content);
        else if (key == "content-language" || key == "language" || key == "dc.language")
          SetOnce(c.content_language, content);
        break;
      }
      case Tag::kLink: {
        const std::string rel = AsciiLower(tree.Attr(i, "rel"));
        if (rel == "canonical") SetOnce(c.canonical, tree.Attr(i, "href"));
        break;
      }
      case Tag::kScript: {
        if (tree.Attr(i, "type").find("ld+json") == std::string_view::npos) break;
        std::string body;
        for (int32_t k = n.first_child; k >= 0; k = tree.node(k).next) {
          if (tree.node(k).tag == Tag::kText) body += tree.Text(k);
        }
        if (!body.empty()) c.json_ld.push_back(std::move(body));
        break;
      }
      default:
        break;
    }
    if (n.tag != Tag::kMeta && n.tag != Tag::kText) {
      const std::string_view prop = tree.Attr(i, "itemprop");
      if (!prop.empty()) {
        std::string_view value = tree.Attr(i, "datetime");
        if (value.empty()) value = tree.Attr(i, "content");
        if (prop == "datePublished") {
          if (!value.empty()) SetOnce(c.published_itemprop, value);
          else if (c.published_itemprop.empty()) c.published_itemprop = ElementText(tree, i, 100);
        } else if (prop == "dateModified") {
          if (!value.empty()) SetOnce(c.modified_itemprop, value);
        } else if (prop == "author" && c.author_itemprop.empty()) {
          c.author_itemprop = ElementText(tree, i, 200);
        }
      }
      if (n.tag == Tag::kTime && c.time_datetime.empty()) {
        SetOnce(c.time_datetime, tree.Attr(i, "datetime"));
      }
      if (n.tag == Tag::kA && c.author_rel.empty() && AsciiLower(tree.Attr(i, "rel")) == "author") {
        c.author_rel = ElementText(tree, i, 200);
      }
    }
  }

  PageMetadata out;
  out.html_title = c.html_title;
  out.site_name = c.site_name;
  std::string ld_headline, ld_author, ld_published, ld_modified, ld_url, ld_lang;
  for (const std::string& text : c.json_ld) {
    nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) continue;
    std::vector<const nlohmann::json*> objects;
    Flatten(value, objects);
    for (const nlohmann::json* o : objects) {
      const bool article =
          TypeIs(*o, {"Article", "BlogPosting", "Report", "Posting", "Review", "Recipe"});
      const bool page = TypeIs(*o, {"WebPage"});
      if (!article && !page) continue;
      if (article) {
        if (out.article_body.empty()) out.article_body = JsonString(*o, "articleBody");
        if (out.article_body.empty()) out.article_body = JsonString(*o, "text");
        if (ld_headline.empty()) ld_headline = JsonString(*o, "headline");
        auto a = o->find("author");
        if (ld_author.empty() && a != o->end()) ld_author = JsonName(*a);
        auto p = o->find("publisher");
        if (out.site_name.empty() && p != o->end()) out.site_name = JsonName(*p);
      }
      if (ld_published.empty()) ld_published = JsonString(*o, "datePublished");
      if (ld_modified.empty()) ld_modified = JsonString(*o, "dateModified");
      if (ld_url.empty() && article) ld_url = JsonString(*o, "url");
      if (ld_lang.empty()) ld_lang = JsonString(*o, "inLanguage");
    }
  }

  Metadata& m = out.metadata;
  for (const std::string* t : {&c.og_title, &ld_headline, &c.meta_title}) {
    if (m.title.empty()) m.title = CollapseSpaces(*t);
  }
  const bool publisher_title = !m.title.empty();
  if (m.title.empty() && !c.html_title.empty()) m.title = StripSiteName(c.html_title, c.site_name);
  if (m.title.empty()) m.title = c.h1;
  out.headline = publisher_title || c.h1.empty() ? m.title : CollapseSpaces(c.h1);
  for (const std::string* a : {&ld_author, &c.author_meta, &c.author_rel, &c.author_itemprop}) {
    // Meta authors are sometimes profile URLs: skip those.
    if (m.author.empty() && a->find("://") == std::string::npos) m.author = CollapseSpaces(*a);
  }
  for (const std::string* d : {&c.published_meta, &c.published_itemprop, &ld_published,
                               &c.date_meta, &c.time_datetime}) {
    if (m.date.empty()) m.date = IsoDate(*d);
  }
  for (const std::string* d : {&c.modified_meta, &c.modified_itemprop, &ld_modified}) {
    if (m.modified.empty()) m.modified = IsoDate(*d);
  }
  for (const std::string* u : {&c.canonical, &c.og_url, &ld_url}) {
    if (m.url.empty() && u->find("://") != std::string::npos) m.url = CollapseSpaces(*u);
  }
  for (const std::string* l : {&c.lang, &c.content_language, &ld_lang, &c.og_locale}) {
    if (m.language.empty()) m.language = CollapseSpaces(*l);
  }
  for (char& ch : m.language) {
    if (ch == '_') ch = '-';
  }
  return out;
}

}  // namespace dossier
