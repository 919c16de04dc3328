#include "extractors/json/record_mapper.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "extractors/json/html_field.h"
#include "pipeline/core/text_util.h"

namespace dossier::json_internal {

namespace {

using ojson = nlohmann::ordered_json;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), s) != names.end();
}

// Keys whose string values are prose whatever their length (a one-word
// title, a single perpetrator, a statute abbreviation in a law entry).
bool IsKnownProseKey(std::string_view key) {
  return OneOf(AsciiLower(key), {"title", "name", "headline", "heading", "subtitle", "summary",
                            "abstract", "lede", "description", "body", "text", "content",
                            "victims", "perpetrators", "legalbasis", "keypoints", "statute",
                            "article", "provision", "posturenote", "citation", "caption",
                            "note", "notes", "quote", "publisher", "organization"});
}

bool IsTitleKey(std::string_view key) {
  return OneOf(AsciiLower(key), {"title", "headline", "name", "heading"});
}

// Reading order of the known top-level fields; unknown prose comes after.
int Rank(std::string_view key) {
  static const std::vector<std::pair<std::string_view, int>> kRanks = {
      {"title", 0},         {"headline", 0},      {"name", 0},          {"subtitle", 1},
      {"summary", 2},       {"abstract", 2},      {"lede", 2},          {"description", 3},
      {"victims", 4},       {"perpetrators", 5},  {"legalbasis", 6},    {"keypoints", 7},
      {"internationallaw", 8}, {"timeline", 9},   {"body", 10},         {"text", 10},
      {"content", 10},      {"contenthtml", 10},  {"posturenote", 11},  {"citation", 12},
      {"sources", 14},      {"legalanalyses", 14}, {"references", 14}};
  const std::string k = AsciiLower(key);
  for (const auto& [name, rank] : kRanks) {
    if (k == name) return rank;
  }
  if (k.ends_with("html")) return 10;
  return 13;
}

bool HasLetter(std::string_view s) {
  for (unsigned char c : s) {
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

bool IsUrl(std::string_view s) {
  const std::string l = AsciiLower(s.substr(0, 12));
  if (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("ftp://") ||
      l.starts_with("www.") || l.starts_with("mailto:")) {
    return std::none_of(s.begin(), s.end(), IsSpace);
  }
  return std::none_of(s.begin(), s.end(), IsSpace) && s.find("://") != std::string_view::npos;
}

int MonthNumber(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  std::string t = AsciiLower(token);
  if (t.ends_with('.')) t.pop_back();
  if (t.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == t || (t.size() <= 4 && kMonths[i].starts_with(t) && t != "ma")) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

bool IsWeekday(std::string_view token) {
  std::string t = AsciiLower(token);
  if (t.ends_with('.')) t.pop_back();
  for (std::string_view d : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
    if (t == d || (t.size() == 3 && d.starts_with(t))) return true;
  }
  return false;
}

std::vector<std::string_view> DateTokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == ',')) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j]) && s[j] != ',') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Returns the day or year number of `token` ("21", "21st"), or -1.
int DateNumber(std::string_view token) {
  size_t n = 0;
  while (n < token.size() && std::isdigit(static_cast<unsigned char>(token[n]))) ++n;
  if (n == 0 || n > 4) return -1;
  std::string suffix = AsciiLower(token.substr(n));
  if (!suffix.empty() && !OneOf(suffix, {"st", "nd", "rd", "th"})) return -1;
  return std::stoi(std::string(token.substr(0, n)));
}

// An ISO date or timestamp: "2025-01-21", "2023-11-01T17:58:05Z".
bool IsIsoDate(std::string_view s) {
  if (s.size() < 4) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  if (s.size() > 4 && s[4] != '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || std::string_view("-:.TZ+ ").find(c) != std::string_view::npos;
  });
}

bool IsDateOnly(std::string_view s) {
  if (IsIsoDate(s)) return true;
  bool month = false;
  for (std::string_view t : DateTokens(s)) {
    if (MonthNumber(t)) {
      month = true;
    } else if (!IsWeekday(t) && DateNumber(t) < 0) {
      return false;
    }
  }
  return month;
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i && HasLetter(s.substr(i, j - i))) ++words;
    i = j;
  }
  return words;
}

std::string IsoDatePart(std::string_view s) {
  s = Trim(s);
  if (!IsIsoDate(s)) return "";
  return std::string(s.substr(0, std::min<size_t>(s.size(), 10)));
}

const ojson* Member(const ojson& obj, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    auto it = obj.find(k);
    if (it != obj.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

std::string StringMember(const ojson& obj, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    auto it = obj.find(k);
    if (it != obj.end() && it->is_string()) {
      std::string_view v = Trim(it->get_ref<const std::string&>());
      if (!v.empty()) return std::string(v);
    }
  }
  return "";
}

std::string DateMember(const ojson& obj, std::initializer_list<std::string_view> iso_keys,
                       std::initializer_list<std::string_view> display_keys) {
  for (std::string_view k : iso_keys) {
    std::string v = IsoDatePart(StringMember(obj, {k}));
    if (!v.empty()) return v;
  }
  for (std::string_view k : display_keys) {
    std::string v = ParseDisplayDate(StringMember(obj, {k}));
    if (!v.empty()) return v;
  }
  return "";
}

// The first member whose key names when the record happened or was
// reported ("reported", "incident_date", "dateOfEvent") and whose value reads
// as a date; "" when none. Keys of other dates (updates, births, deadlines)
// are passed over.
std::string AnyEventDate(const ojson& obj) {
  if (!obj.is_object()) return "";
  for (const auto& [key, value] : obj.items()) {
    if (!value.is_string()) continue;
    const std::string k = AsciiLower(key);
    const bool names_event = k.find("date") != std::string::npos || k.starts_with("reported") ||
                             k.starts_with("occurred") || k == "when";
    if (!names_event) continue;
    bool other = k.starts_with("end") || k.ends_with("end") || k.find("_end") != std::string::npos ||
                 k.find("end_") != std::string::npos;  // "end_date", "dateEnd"; not "calendar_date"
    for (std::string_view skip : {"updat", "modif", "birth", "expir", "deadline", "due", "clos"}) {
      if (k.find(skip) != std::string::npos) other = true;
    }
    if (other) continue;
    const std::string& text = value.get_ref<const std::string&>();
    std::string v = IsoDatePart(text);
    if (v.empty()) v = ParseDisplayDate(text);
    if (!v.empty()) return v;
  }
  return "";
}

std::string AuthorOf(const ojson& v) {
  if (v.is_string()) return std::string(Trim(v.get_ref<const std::string&>()));
  if (v.is_object()) return StringMember(v, {"name", "fullName", "displayName"});
  if (v.is_array()) {
    std::string out;
    for (const auto& a : v) {
      std::string one = AuthorOf(a);
      if (one.empty()) continue;
      if (!out.empty()) out += ", ";
      out += one;
    }
    return out;
  }
  return "";
}

void FillMetadata(const ojson& record, bool line_record, Metadata& md) {
  md.title = StringMember(record, {"title", "headline", "name"});
  md.date = DateMember(record,
                       {"date", "datePublished", "publishedAt", "published", "publicationDate",
                        "incidentDate", "createdAt", "createdOn", "created"},
                       {"displayDate", "dateDisplay", "dateText", "date"});
  if (md.date.empty()) md.date = AnyEventDate(record);
  md.modified = DateMember(record,
                           {"lastUpdated", "modified", "dateModified", "updatedAt", "lastModified", "updated"},
                           {"displayLastUpdated", "lastUpdated", "modified"});
  for (std::string_view k : {"url", "link", "permalink", "canonicalUrl"}) {
    std::string v = StringMember(record, {k});
    if (IsUrl(v)) {
      md.url = v;
      break;
    }
  }
  md.slug = StringMember(record, {"slug"});
  if (md.slug.empty() && line_record) {
    if (const ojson* id = Member(record, {"id", "_id"})) {
      if (id->is_string()) md.slug = id->get<std::string>();
      else if (id->is_number()) md.slug = id->dump();
    }
  }
  if (const ojson* a = Member(record, {"author", "authors", "byline"})) md.author = AuthorOf(*a);
  md.language = StringMember(record, {"language", "lang", "locale"});
}

// Appends prose runs to a document: segments anchored in JSON strings,
// "\n\n" separators between parts.
class TextAssembler {
 public:
  TextAssembler(Document& doc, int64_t line) : doc_(doc), line_(line) {}

  // Adds the string `value` at `pointer` as one part (or one part per HTML
  // block), trimmed, with `role` and `label`.
  void AddString(std::string_view value, const std::string& pointer, Role role, std::string_view label) {
    if (LooksLikeHtmlMarkup(value)) {
      for (const HtmlBlock& block : HtmlFieldToBlocks(value)) {
        pending_break_ = true;
        const Role block_role = block.role == Role::kBody ? Role::kBody : block.role;
        for (const HtmlRun& run : block.runs) {
          AddRun(run.text, pointer, run.offset, run.linear, block_role, label);
        }
      }
      pending_break_ = true;
      return;
    }
    size_t lead = 0;
    while (lead < value.size() && IsSpace(value[lead])) ++lead;
    std::string_view body = Trim(value);
    if (body.empty()) return;
    pending_break_ = true;
    AddRun(body, pointer, lead, true, role, label);
    pending_break_ = true;
  }

 private:
  void AddRun(std::string_view text, const std::string& pointer, size_t offset, bool linear, Role role,
              std::string_view label) {
    if (text.empty()) return;
    if (pending_break_ && !doc_.raw_text.empty()) {
      doc_.AppendSeparator();
    }
    pending_break_ = false;
    Segment seg;
    seg.begin = doc_.raw_text.size();
    doc_.raw_text.append(text);
    seg.end = doc_.raw_text.size();
    seg.role = role;
    seg.anchor.byte_offset = static_cast<int64_t>(offset);
    seg.anchor.json_pointer = pointer;
    seg.anchor.line = line_;
    seg.linear = linear;
    seg.label = std::string(label);
    doc_.segments.push_back(std::move(seg));
  }

  Document& doc_;
  int64_t line_;
  bool pending_break_ = false;
};

class ProseWalker {
 public:
  explicit ProseWalker(TextAssembler& out) : out_(out) {}

  // Walks `value` under `key`; `top` for the record's own fields,
  // `element` for a value that is an array element.
  void Walk(const ojson& value, std::string_view key, const std::string& pointer, bool top, bool element) {
    if (IsStructuredKey(key)) return;
    if (value.is_string()) {
      const std::string& s = value.get_ref<const std::string&>();
      if (!LooksLikeHtmlMarkup(s) && !IsProse(key, s)) return;
      Role role = Role::kBody;
      if (element) {
        role = Role::kListItem;
      } else if (IsTitleKey(key)) {
        role = (top && !title_done_) ? Role::kTitle : Role::kHeading;
        if (top) title_done_ = true;
      }
      out_.AddString(s, pointer, role, key);
    } else if (value.is_object()) {
      for (const auto& [k, child] : value.items()) {
        Walk(child, k, pointer + "/" + EscapePointerToken(k), false, false);
      }
    } else if (value.is_array()) {
      size_t i = 0;
      for (const auto& child : value) {
        Walk(child, key, pointer + "/" + std::to_string(i++), false, true);
      }
    }
  }

 private:
  TextAssembler& out_;
  bool title_done_ = false;
};

}  // namespace

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

bool IsStructuredKey(std::string_view key) {
  const std::string k = AsciiLower(key);
  if (OneOf(k, {"id", "_id", "uuid", "guid", "slug", "url", "uri", "href", "link", "links", "permalink",
                "image", "images", "thumbnail", "icon", "photo", "email", "phone", "lang",
                "language", "locale", "type", "kind", "status", "category", "categories",
                "severity", "posture", "tags", "keywords", "classification", "format", "mime",
                "mimetype", "hash", "sha256", "checksum", "version", "site", "domain", "date",
                "time", "timestamp", "created", "updated", "modified", "published",
                "author", "authors", "byline"})) {
    return true;
  }
  // camelCase and snake_case suffixes of identifiers, links, dates, labels.
  for (std::string_view suffix : {"Id", "Ids", "ID", "Url", "URL", "Urls", "Uri", "Href", "Slug",
                                  "Slugs", "Date", "Dates", "At", "On", "Label", "Count", "Type",
                                  "Status", "Code", "Time", "Timestamp"}) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      const char before = key[key.size() - suffix.size() - 1];
      if (std::islower(static_cast<unsigned char>(before)) || std::isdigit(static_cast<unsigned char>(before))) {
        return true;
      }
    }
  }
  for (std::string_view suffix : {"_id", "_ids", "_url", "_uri", "_slug", "_date", "_at", "_on",
                                  "_label", "_count", "_type", "_status", "_code", "_time"}) {
    if (k.size() > suffix.size() && k.ends_with(suffix)) return true;
  }
  if (k.starts_with("display")) return true;
  for (std::string_view prefix : {"is", "has"}) {
    if (key.size() > prefix.size() && key.starts_with(prefix) &&
        std::isupper(static_cast<unsigned char>(key[prefix.size()]))) {
      return true;
    }
  }
  return false;
}

bool IsProse(std::string_view key, std::string_view value) {
  std::string_view v = Trim(value);
  if (v.empty() || !HasLetter(v) || IsUrl(v) || IsDateOnly(v)) return false;
  if (IsKnownProseKey(key)) return true;
  return WordCount(v) >= 3;
}

std::string ParseDisplayDate(std::string_view s) {
  int year = 0, month = 0, day = 0;
  for (std::string_view t : DateTokens(Trim(s))) {
    if (int m = MonthNumber(t); m && !month) {
      month = m;
    } else if (int n = DateNumber(t); n >= 1000 && !year) {
      year = n;
    } else if (n >= 1 && n <= 31 && !day) {
      day = n;
    } else if (!IsWeekday(t)) {
      return "";
    }
  }
  if (!year || !month) return "";
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string iso = std::to_string(year) + "-" + two(month);
  if (day) iso += "-" + two(day);
  return iso;
}

Status MapRecord(const ojson& record, const RecordPlace& place, Document& doc) {
  if (!record.is_object()) {
    return InvalidInput(std::string("record is a JSON ") + record.type_name() + ", not an object");
  }
  FillMetadata(record, place.line > 0, doc.metadata);
  // Known fields first, in reading order; the rest in file order.
  std::vector<std::pair<int, ojson::const_iterator>> fields;
  for (auto it = record.begin(); it != record.end(); ++it) fields.emplace_back(Rank(it.key()), it);
  std::stable_sort(fields.begin(), fields.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  TextAssembler out(doc, place.line);
  ProseWalker walker(out);
  for (const auto& [rank, it] : fields) {
    walker.Walk(it.value(), it.key(), place.pointer + "/" + EscapePointerToken(it.key()), true, false);
  }
  if (doc.raw_text.empty()) return Status(StatusCode::kEmpty, "record has no prose fields");
  // Structured fields for assembly; HTML bodies are already text above.
  doc.structured = nlohmann::json::object();
  for (auto it = record.begin(); it != record.end(); ++it) {
    if (AsciiLower(it.key()).ends_with("html")) continue;
    doc.structured[it.key()] = nlohmann::json::parse(it.value().dump(), nullptr, false);
  }
  return Status::Ok();
}

Status MapLineObject(const ojson& object, int64_t line, Document& doc) {
  if (!object.is_object()) {
    return InvalidInput("line " + std::to_string(line) + " is a JSON " + object.type_name() +
                        ", not an object");
  }
  for (std::string_view key : {"text", "content", "body"}) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string()) continue;
    FillMetadata(object, true, doc.metadata);
    TextAssembler out(doc, line);
    out.AddString(it->get_ref<const std::string&>(), "/" + EscapePointerToken(key), Role::kBody, key);
    if (doc.raw_text.empty()) return Status(StatusCode::kEmpty, "empty \"" + std::string(key) + "\" field");
    return Status::Ok();
  }
  return MapRecord(object, RecordPlace{"", line}, doc);
}

}  // namespace dossier::json_internal
