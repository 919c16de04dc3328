// RecordStreamer: a nlohmann SAX handler that cuts a JSON file into records
// without holding the file in memory.
//
// Layout of a file, decided as it streams:
//   [ {...}, {...} ]                      -> each element ("/0", "/1", ...)
//   {"records"|"items"|"data"|"incidents"|...: [ {...} ]}
//                                         -> each element ("/records/3")
//   {"site": ..., "record": {...}}        -> the wrapped object ("/record")
//   { ...a record... }                    -> the whole object ("")
// Only the record being read is materialized (as ordered_json, so fields
// keep their file order); it goes to the callback as soon as it closes and
// is then dropped. Members of a wrapper object other than the records are
// kept only until the wrapper closes. Nesting deeper than kMaxDepth stops
// the parse with an error instead of exhausting memory or stack.
//
// Example:
//   RecordStreamer s(RecordStreamer::Layout::kFile, pos, on_record, on_skip);
//   if (!nlohmann::ordered_json::sax_parse(in, &s)) Report(s.error());
#ifndef DOSSIER_EXTRACTORS_JSON_RECORD_STREAM_H_
#define DOSSIER_EXTRACTORS_JSON_RECORD_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace dossier::json_internal {

class RecordStreamer {
 public:
  using ojson = nlohmann::ordered_json;
  static constexpr int kMaxDepth = 512;

  enum class Layout {
    kFile,        // find records as described above
    kWholeValue,  // the whole value is one record (a JSON Lines line)
  };
  // Called with a complete record, its JSON Pointer and the reader's
  // positions when it started and ended.
  using OnRecord = std::function<void(ojson&& record, const std::string& pointer, size_t begin, size_t end)>;
  // Called for an element of a record array that is not a container.
  using OnSkip = std::function<void(const std::string& pointer, const std::string& reason)>;

  RecordStreamer(Layout layout, std::function<size_t()> position, OnRecord on_record, OnSkip on_skip);

  // Returns why parsing stopped ("" when it did not).
  const std::string& error() const { return error_; }
  // Returns whether parsing stopped at the depth limit.
  bool too_deep() const { return too_deep_; }
  // Returns whether the file's top-level value is a string, number, ...
  bool scalar_root() const { return scalar_root_; }

  // nlohmann SAX interface.
  bool null() { return Scalar(nullptr); }
  bool boolean(bool v) { return Scalar(v); }
  bool number_integer(ojson::number_integer_t v) { return Scalar(v); }
  bool number_unsigned(ojson::number_unsigned_t v) { return Scalar(v); }
  bool number_float(ojson::number_float_t v, const ojson::string_t&) { return Scalar(v); }
  bool string(ojson::string_t& v) { return Scalar(std::move(v)); }
  bool binary(ojson::binary_t& v) { return Scalar(ojson::binary(std::move(v))); }
  bool start_object(std::size_t) { return Start(false); }
  bool start_array(std::size_t) { return Start(true); }
  bool end_object() { return End(); }
  bool end_array() { return End(); }
  bool key(ojson::string_t& k);
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex);

 private:
  // A container being scanned for records (not materialized).
  struct Frame {
    bool collection = false;  // an array whose elements are records
    std::string pointer;
    std::string key;          // objects: the member being read
    size_t index = 0;         // collections: the next element's index
    int level = 0;            // wrapper nesting
    bool found = false;       // records came out of it
    size_t begin = 0;
    ojson context = ojson::object();  // objects: the other members
  };
  enum class Target { kRecord, kContext };

  bool Start(bool is_array);
  bool End();
  bool Scalar(ojson value);
  // Where a value starting now goes when nothing is being built. Returns
  // false when it opens a new scan frame instead of a build.
  bool PlaceBuild(bool is_array, Target& target, std::string& pointer);
  ojson* Add(ojson value);
  void Finish();

  Layout layout_;
  std::function<size_t()> position_;
  OnRecord on_record_;
  OnSkip on_skip_;

  std::vector<Frame> scan_;
  int depth_ = 0;
  // The value being materialized.
  bool building_ = false;
  Target target_ = Target::kRecord;
  std::string build_pointer_;
  size_t build_begin_ = 0;
  ojson built_;
  std::vector<ojson*> refs_;
  ojson* pending_ = nullptr;  // object member awaiting its value

  std::string error_;
  bool too_deep_ = false;
  bool scalar_root_ = false;
};

}  // namespace dossier::json_internal

#endif  // DOSSIER_EXTRACTORS_JSON_RECORD_STREAM_H_
