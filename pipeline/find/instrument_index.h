// InstrumentIndex: canonical names of laws and treaties by alias, read from
// the `instruments` list of the statute pack, so that "1951 Refugee
// Convention", "Geneva Convention" and "Convention relating to the Status of
// Refugees" all resolve to one name.
//
// Aliases compare without regard to case, commas, apostrophes, hyphens,
// spacing or a leading "the"; abbreviations ("INA", "CAT") compare exactly,
// because "cat" and "Cat 5" are not treaties. A leading year that is not
// part of an alias ("1951 Geneva Convention Relating to ...") is ignored.
//
// Example:
//   InstrumentIndex index(pack.list("instruments"));
//   const Instrument* i = index.Find("1951 Refugee Convention");
//   i->name;  // "Convention Relating to the Status of Refugees"
//   i->type;  // "treaty"
#ifndef DOSSIER_PIPELINE_FIND_INSTRUMENT_INDEX_H_
#define DOSSIER_PIPELINE_FIND_INSTRUMENT_INDEX_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// One instrument of the list.
struct Instrument {
  std::string name;  // canonical full name
  std::string type;  // act, treaty, code, constitution, regulation, agreement
  std::vector<std::string> aliases;
  std::vector<std::string> abbreviations;
};

class InstrumentIndex {
 public:
  InstrumentIndex() = default;
  // Builds the index from the `instruments` list (an array of objects with
  // name, type, aliases, abbreviations); malformed entries are skipped.
  explicit InstrumentIndex(const nlohmann::json& list);

  // Returns the instrument `text` names (alias, canonical name or
  // abbreviation), or nullptr.
  const Instrument* Find(std::string_view text) const;
  // Returns the instrument of abbreviation `abbr` (exact case), or nullptr.
  const Instrument* FindAbbreviation(std::string_view abbr) const;
  const std::vector<Instrument>& instruments() const { return instruments_; }

  // Returns `text` as an alias key: lower case, single spaces, without
  // commas, apostrophes, hyphens, markdown escapes or a leading "the ".
  static std::string Key(std::string_view text);

 private:
  std::vector<Instrument> instruments_;
  std::map<std::string, size_t, std::less<>> by_key_;
  std::map<std::string, size_t, std::less<>> by_abbreviation_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_FIND_INSTRUMENT_INDEX_H_
