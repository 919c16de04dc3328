#include "extractors/json/record_stream.h"

#include <utility>

#include "extractors/json/record_mapper.h"

namespace dossier::json_internal {

namespace {

// How many wrapper objects may enclose the records ({"data": {"items": []}}).
constexpr int kMaxWrapperLevel = 3;

bool IsSingularWrapper(const std::string& key) {
  for (const char* k : {"record", "incident", "item", "entry", "article", "post", "document"}) {
    if (key == k) return true;
  }
  return false;
}

bool IsPluralWrapper(const std::string& key) {
  for (const char* k : {"records", "items", "data", "incidents", "results", "entries",
                        "documents", "articles", "posts"}) {
    if (key == k) return true;
  }
  return false;
}

}  // namespace

RecordStreamer::RecordStreamer(Layout layout, std::function<size_t()> position, OnRecord on_record,
                               OnSkip on_skip)
    : layout_(layout),
      position_(std::move(position)),
      on_record_(std::move(on_record)),
      on_skip_(std::move(on_skip)) {}

bool RecordStreamer::key(ojson::string_t& k) {
  if (building_) {
    pending_ = &(*refs_.back())[k];
  } else if (!scan_.empty()) {
    scan_.back().key = std::move(k);
  }
  return true;
}

bool RecordStreamer::parse_error(std::size_t position, const std::string& /*last_token*/,
                                 const nlohmann::detail::exception& ex) {
  std::string what = ex.what();
  if (size_t close = what.find("] "); what.starts_with("[json.exception") && close != std::string::npos) {
    what.erase(0, close + 2);
  }
  error_ = "invalid JSON at byte " + std::to_string(position) + ": " + what;
  return false;
}

bool RecordStreamer::Start(bool is_array) {
  if (++depth_ > kMaxDepth) {
    too_deep_ = true;
    error_ = "JSON nested deeper than " + std::to_string(kMaxDepth) + " levels";
    if (layout_ == Layout::kFile) error_ += " (at byte " + std::to_string(position_()) + ")";
    return false;
  }
  ojson fresh = is_array ? ojson::array() : ojson::object();
  if (building_) {
    refs_.push_back(Add(std::move(fresh)));
    return true;
  }
  Target target = Target::kRecord;
  std::string pointer;
  if (!PlaceBuild(is_array, target, pointer)) return true;
  building_ = true;
  target_ = target;
  build_pointer_ = std::move(pointer);
  build_begin_ = position_();
  refs_.push_back(Add(std::move(fresh)));
  return true;
}

bool RecordStreamer::PlaceBuild(bool is_array, Target& target, std::string& pointer) {
  if (layout_ == Layout::kWholeValue && scan_.empty()) {
    target = Target::kRecord;
    return true;
  }
  if (scan_.empty()) {
    Frame root;
    root.collection = is_array;
    root.begin = position_();
    scan_.push_back(std::move(root));
    return false;
  }
  Frame& top = scan_.back();
  if (top.collection) {
    target = Target::kRecord;
    pointer = top.pointer + "/" + std::to_string(top.index++);
    return true;
  }
  pointer = top.pointer + "/" + EscapePointerToken(top.key);
  const bool singular = IsSingularWrapper(top.key);
  if (top.level < kMaxWrapperLevel && (singular || IsPluralWrapper(top.key))) {
    if (singular && !is_array) {
      target = Target::kRecord;
      return true;
    }
    Frame inner;
    inner.collection = is_array;
    inner.pointer = std::move(pointer);
    inner.level = top.level + 1;
    inner.begin = position_();
    scan_.push_back(std::move(inner));  // `top` is invalid from here
    return false;
  }
  target = Target::kContext;
  return true;
}

bool RecordStreamer::End() {
  --depth_;
  if (building_) {
    refs_.pop_back();
    if (refs_.empty()) Finish();
    return true;
  }
  if (scan_.empty()) return true;
  Frame f = std::move(scan_.back());
  scan_.pop_back();
  bool produced = f.collection ? f.index > 0 : f.found;
  if (!f.collection && !f.found) {
    // No records inside: the object is itself the record.
    on_record_(std::move(f.context), f.pointer, f.begin, position_());
    produced = true;
  }
  if (produced && !scan_.empty()) scan_.back().found = true;
  return true;
}

bool RecordStreamer::Scalar(ojson value) {
  if (building_) {
    Add(std::move(value));
    return true;
  }
  if (scan_.empty()) {
    if (layout_ == Layout::kWholeValue) {
      building_ = true;
      target_ = Target::kRecord;
      build_pointer_.clear();
      build_begin_ = position_();
      built_ = std::move(value);
      Finish();
    } else {
      scalar_root_ = true;
    }
    return true;
  }
  Frame& top = scan_.back();
  if (top.collection) {
    on_skip_(top.pointer + "/" + std::to_string(top.index++),
             std::string("array element is a JSON ") + value.type_name() + ", not a record object");
  } else {
    top.context[top.key] = std::move(value);
  }
  return true;
}

RecordStreamer::ojson* RecordStreamer::Add(ojson value) {
  if (refs_.empty()) {
    built_ = std::move(value);
    return &built_;
  }
  ojson& parent = *refs_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(value));
    return &parent.back();
  }
  *pending_ = std::move(value);
  return pending_;
}

void RecordStreamer::Finish() {
  building_ = false;
  pending_ = nullptr;
  if (target_ == Target::kRecord) {
    on_record_(std::move(built_), build_pointer_, build_begin_, position_());
    if (!scan_.empty()) scan_.back().found = true;
  } else {
    Frame& top = scan_.back();
    top.context[top.key] = std::move(built_);
  }
  built_ = ojson();
}

}  // namespace dossier::json_internal
