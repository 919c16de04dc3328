// Keys: the normal forms assembly and merge compare by, so that two
// sources that write the same thing differently agree ("https://www.x.org/a/"
// and "http://x.org/a", "asylum-seekers" and "migrants", "Art. 33" and
// "article 33"), and the stable ids records are known by.
//
// Example:
//   CanonicalUrl("https://www.cbp.gov/newsroom/?utm=1#top");  // "cbp.gov/newsroom"
//   SubjectClass("asylum-seekers");                          // "people"
#ifndef DOSSIER_PIPELINE_ASSEMBLE_KEYS_H_
#define DOSSIER_PIPELINE_ASSEMBLE_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Returns `url` without scheme, "www.", query, fragment and trailing "/",
// host lower-cased; "" when it is not an http(s) URL.
std::string CanonicalUrl(std::string_view url);

// Returns the class a figure's subject belongs to: "people" for the
// persons words sources use interchangeably for those a policy affects
// (asylum seekers, migrants, people, individuals, returnees, refugees),
// else the subject lower-cased, hyphens as spaces, plural "s" removed.
std::string SubjectClass(std::string_view subject);

// Returns `provision` in a form that compares without regard to case,
// spacing or the spelling of "§"/"Section" and "Art."/"Article".
std::string ProvisionKey(std::string_view provision);

// Returns the lower-case content words of `text` (stop words dropped).
std::vector<std::string> ContentWords(std::string_view text);

// Returns the 16-hex-digit id of an incident known by `slug`, or, with no
// slug, by its sorted member document ids.
std::string IncidentId(std::string_view slug, std::vector<std::string> document_ids);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_ASSEMBLE_KEYS_H_
