#include "extractors/json/json_extractor.h"

#include <exception>
#include <istream>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "extractors/json/record_mapper.h"
#include "extractors/json/record_stream.h"
#include "extractors/json/utf8_repair.h"

namespace dossier {

namespace {

using json_internal::RecordStreamer;
using ojson = nlohmann::ordered_json;

void WarnReplaced(Document& doc, size_t replaced) {
  if (replaced == 0) return;
  doc.Warn("extract", "invalid_utf8",
           std::to_string(replaced) + " ill-formed UTF-8 sequence(s) replaced by U+FFFD");
}

class JsonExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kJson; }

  Status Extract(const Input& input, const ExtractOptions& /*options*/,
                 DocumentSink& sink) const override {
    if (input.size == 0) return Status(StatusCode::kEmpty, "empty file");
    Result<std::unique_ptr<std::istream>> file = OpenStream(input);
    if (!file.ok()) return file.status();
    json_internal::Utf8RepairBuf buf(**file);
    std::istream in(&buf);
    size_t records = 0;
    auto on_record = [&](ojson&& record, const std::string& pointer, size_t begin, size_t end) {
      ++records;
      Document doc = NewDocument(input, pointer);
      Status s = json_internal::MapRecord(record, {pointer, 0}, doc);
      record = ojson();  // drop the record before the sink sees the document
      if (!s.ok()) {
        sink.Reject(pointer, s);
        return;
      }
      WarnReplaced(doc, buf.ReplacementsIn(begin, end));
      sink.Accept(std::move(doc));
    };
    auto on_skip = [&](const std::string& pointer, const std::string& reason) {
      ++records;
      sink.Reject(pointer, InvalidInput(reason));
    };
    RecordStreamer streamer(RecordStreamer::Layout::kFile, [&buf] { return buf.position(); },
                            on_record, on_skip);
    bool parsed = false;
    try {
      parsed = ojson::sax_parse(in, &streamer);
    } catch (const std::exception& e) {
      return InvalidInput(std::string("invalid JSON: ") + e.what());
    }
    if (buf.source_failed()) return IoError("cannot read " + input.path);
    if (!parsed) {
      return Status(streamer.too_deep() ? StatusCode::kLimit : StatusCode::kInvalidInput, streamer.error());
    }
    if (streamer.scalar_root()) return Unsupported("the JSON value is a scalar, not an object or array");
    if (records == 0) return Status(StatusCode::kEmpty, "no records in the JSON value");
    return Status::Ok();
  }
};

class JsonLinesExtractor final : public Extractor {
 public:
  Format format() const override { return Format::kJsonLines; }

  Status Extract(const Input& input, const ExtractOptions& options,
                 DocumentSink& sink) const override {
    if (input.size == 0) return Status(StatusCode::kEmpty, "empty file");
    Result<std::unique_ptr<std::istream>> file = OpenStream(input);
    if (!file.ok()) return file.status();
    std::istream& in = **file;
    std::string line;
    int64_t number = 0;
    size_t documents = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t\f\v") == std::string::npos) continue;
      ++documents;
      const std::string locator = "line:" + std::to_string(number);
      if (static_cast<int64_t>(line.size()) > options.max_document_bytes) {
        sink.Reject(locator, Status(StatusCode::kLimit, "line " + std::to_string(number) + " is over " +
                                                            std::to_string(options.max_document_bytes) + " bytes"));
        continue;
      }
      ExtractLine(input, line, number, locator, sink);
    }
    if (in.bad()) return IoError("cannot read " + input.path);
    if (documents == 0) return Status(StatusCode::kEmpty, "no JSON lines");
    return Status::Ok();
  }

 private:
  static void ExtractLine(const Input& input, const std::string& line, int64_t number,
                          const std::string& locator, DocumentSink& sink) {
    size_t replaced = 0;
    const std::string text = json_internal::RepairUtf8(line, &replaced);
    ojson value;
    bool got = false;
    RecordStreamer streamer(
        RecordStreamer::Layout::kWholeValue, [] { return size_t{0}; },
        [&](ojson&& v, const std::string&, size_t, size_t) {
          value = std::move(v);
          got = true;
        },
        [](const std::string&, const std::string&) {});
    bool parsed = false;
    try {
      parsed = ojson::sax_parse(text, &streamer);
    } catch (const std::exception& e) {
      sink.Reject(locator, InvalidInput("line " + std::to_string(number) + ": " + e.what()));
      return;
    }
    if (!parsed || !got) {
      sink.Reject(locator, Status(streamer.too_deep() ? StatusCode::kLimit : StatusCode::kInvalidInput,
                                  "line " + std::to_string(number) + ": " + streamer.error()));
      return;
    }
    Document doc = NewDocument(input, locator);
    doc.line = number;
    Status s = json_internal::MapLineObject(value, number, doc);
    if (!s.ok()) {
      sink.Reject(locator, s);
      return;
    }
    WarnReplaced(doc, replaced);
    sink.Accept(std::move(doc));
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeJsonExtractor() { return std::make_unique<JsonExtractor>(); }

std::unique_ptr<Extractor> MakeJsonLinesExtractor() { return std::make_unique<JsonLinesExtractor>(); }

}  // namespace dossier
