// UTF-8 repair for JSON input: nlohmann's lexer refuses a whole file over one
// ill-formed byte inside a string, so bytes are checked on the way in and
// every ill-formed sequence becomes U+FFFD. The positions of replacements
// are kept so that the documents they fall in can carry a warning.
//
// Example:
//   Utf8RepairBuf buf(file);
//   std::istream in(&buf);
//   nlohmann::json::sax_parse(in, &handler);
//   buf.ReplacementsIn(record_begin, record_end);
#ifndef DOSSIER_EXTRACTORS_JSON_UTF8_REPAIR_H_
#define DOSSIER_EXTRACTORS_JSON_UTF8_REPAIR_H_

#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::json_internal {

// Returns the length of the well-formed UTF-8 sequence at the start of `s`
// (1 to 4), 0 when it is ill-formed, or -1 when `s` ends inside a sequence
// that may still turn out well-formed.
int Utf8SequenceLength(std::string_view s);

// Returns `s` with every ill-formed UTF-8 sequence replaced by U+FFFD;
// `replaced` (if given) is incremented once per replacement.
std::string RepairUtf8(std::string_view s, size_t* replaced = nullptr);

// An input stream buffer that passes well-formed UTF-8 through and replaces
// the rest, counting output bytes so callers know where the reader is.
class Utf8RepairBuf : public std::streambuf {
 public:
  explicit Utf8RepairBuf(std::istream& source) : source_(source) {}

  // Returns the number of (repaired) bytes the reader has taken so far.
  size_t position() const { return base_ + static_cast<size_t>(gptr() - eback()); }
  // Returns how many replacements fall in output bytes [begin, end).
  size_t ReplacementsIn(size_t begin, size_t end) const;
  // Returns whether the source stream failed with an I/O error.
  bool source_failed() const { return source_.bad(); }

 protected:
  int_type underflow() override;

 private:
  std::istream& source_;
  std::string pending_;            // read but not yet repaired (a split sequence)
  std::string out_;                // repaired bytes the reader sees
  size_t base_ = 0;                // output offset of out_[0]
  std::vector<size_t> replaced_;   // output offsets of each U+FFFD inserted
};

}  // namespace dossier::json_internal

#endif  // DOSSIER_EXTRACTORS_JSON_UTF8_REPAIR_H_
