#include "pipeline/assemble/keys.h"

#include <algorithm>
#include <cctype>

#include "pipeline/core/hash.h"
#include "pipeline/core/text_util.h"

namespace dossier {

namespace {

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a",  "an",  "and",  "are",  "as",   "at",  "be",  "by",   "for", "from",  "has",
      "in", "is",  "it",   "its",  "of",   "on",  "or",  "that", "the", "their", "this",
      "to", "was", "were", "what", "with", "who", "how", "why",  "q",   "s"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

}  // namespace

std::string CanonicalUrl(std::string_view url) {
  std::string u = AsciiLower(url);
  while (!u.empty() && std::isspace(static_cast<unsigned char>(u.back()))) u.pop_back();
  for (std::string_view scheme : {"https://", "http://"}) {
    if (u.starts_with(scheme)) {
      u.erase(0, scheme.size());
      if (u.starts_with("www.")) u.erase(0, 4);
      if (size_t cut = u.find_first_of("?#"); cut != std::string::npos) u.resize(cut);
      while (!u.empty() && u.back() == '/') u.pop_back();
      return u;
    }
  }
  return "";
}

std::string SubjectClass(std::string_view subject) {
  std::string s = AsciiLower(subject);
  std::replace(s.begin(), s.end(), '-', ' ');
  // The last word is the head noun; qualifiers before it do not change
  // who is counted ("MPP asylum seekers", "non-Mexican migrants").
  static constexpr std::string_view kPeople[] = {
      "people",    "persons", "person",    "individuals", "individual", "migrants", "migrant",
      "seekers",   "seeker",  "returnees", "returnee",    "refugees",   "refugee",  "applicants",
      "applicant", "asylees", "enrollees", "immigrants",  "immigrant",  "others"};
  size_t last = s.find_last_of(' ');
  std::string head = last == std::string::npos ? s : s.substr(last + 1);
  if (std::find(std::begin(kPeople), std::end(kPeople), head) != std::end(kPeople)) return "people";
  if (s.size() > 3 && s.ends_with('s') && !s.ends_with("ss")) s.pop_back();
  return s;
}

std::string ProvisionKey(std::string_view provision) {
  std::string s = AsciiLower(provision);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xc2\xa7") == 0) {  // §
      out += "section";
      ++i;
    } else if (s.compare(i, 4, "art.") == 0 && s.compare(i, 7, "article") != 0) {
      out += "article";
      i += 3;
    } else if (s.compare(i, 4, "sec.") == 0) {
      out += "section";
      i += 3;
    } else if (s.compare(i, 8, "articles") == 0) {
      out += "article";
      i += 7;
    } else if (!std::isspace(static_cast<unsigned char>(s[i])) && s[i] != ',') {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> ContentWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t j = i;
    while (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) {
      std::string w = AsciiLower(text.substr(i, j - i));
      if (!IsStopWord(w)) words.push_back(std::move(w));
    }
    i = j;
  }
  return words;
}

std::string IncidentId(std::string_view slug, std::vector<std::string> document_ids) {
  if (!slug.empty()) return Sha256Hex("incident-slug:" + std::string(slug)).substr(0, 16);
  std::sort(document_ids.begin(), document_ids.end());
  std::string key = "incident-documents:";
  for (const std::string& id : document_ids) key += id + ",";
  return Sha256Hex(key).substr(0, 16);
}

}  // namespace dossier
