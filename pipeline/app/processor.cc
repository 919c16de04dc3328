#include "pipeline/app/processor.h"

#include <exception>
#include <optional>
#include <string>

#include "extractors/detect.h"
#include "extractors/registry.h"
#include "pipeline/core/json_io.h"
#include "pipeline/normalize/normalizer.h"

namespace dossier {

namespace {

ErrorRecord MakeError(const Input& input, std::string stage, const Status& status,
                      std::string locator = "") {
  ErrorRecord e;
  e.path = input.path;
  e.locator = std::move(locator);
  e.format_guess = input.format;
  e.stage = std::move(stage);
  e.code = status.code();
  e.reason = status.message();
  return e;
}

// Returns this thread's normalizer; each is built on first use.
const TextNormalizer& ThreadNormalizer(bool split_sentences) {
  if (!split_sentences) {
    thread_local TextNormalizer text_only(NormalizeOptions{.split_sentences = false});
    return text_only;
  }
  thread_local TextNormalizer normalizer;
  return normalizer;
}

// Takes documents from an extractor, finishes each and passes it on.
class FinishingSink final : public DocumentSink {
 public:
  FinishingSink(const Processor& processor, const Input& input, RecordSink& out, FileReport& report)
      : processor_(processor), input_(input), out_(out), report_(report) {}

  void Accept(Document doc) override {
    const std::string where = doc.locator.empty() && doc.line > 0 ? "line:" + std::to_string(doc.line) : doc.locator;
    if (Status s = processor_.Analyze(doc); !s.ok()) {
      Fail(MakeError(input_, "find", s, where));
      return;
    }
    if (processor_.options().validate_records) {
      DropInvalidEntities(doc);
      if (std::optional<ValidationError> problem = FirstProblem(doc)) {
        Fail(MakeError(input_, "validate",
                       Internal("record invalid at " + problem->pointer + ": " + problem->message), where));
        return;
      }
    }
    out_.WriteDocument(doc);
    ++report_.documents;
  }

  void Reject(const std::string& locator, const Status& why) override {
    Fail(MakeError(input_, "extract", why, locator));
  }

  // Takes out of `doc` each entity whose record breaks the schema (a finder's
  // fault, not the document's), with a warning naming it, so one bad value
  // does not cost the document its other entities.
  void DropInvalidEntities(Document& doc) const {
    const SchemaValidator& validator = processor_.validator();
    std::vector<Entity> kept;
    kept.reserve(doc.entities.size());
    for (Entity& e : doc.entities) {
      const nlohmann::json entity = ToJson(e);
      const std::vector<ValidationError> problems = validator.Validate("document/entity", entity);
      if (problems.empty()) {
        kept.push_back(std::move(e));
        continue;
      }
      const ValidationError& p = problems.front();
      std::string value;
      if (const auto at = nlohmann::json::json_pointer(p.pointer); !p.pointer.empty() && entity.contains(at)) {
        value = " " + entity.at(at).dump();
      }
      doc.Warn("validate", "entity_dropped",
               std::string(EntityTypeName(e.type)) + " \"" + e.text + "\" left out: " + p.pointer + value + ": " +
                   p.message);
    }
    doc.entities = std::move(kept);
  }

  // Returns the first schema violation of doc's record (its entities were
  // checked by DropInvalidEntities). The record is checked a piece at a
  // time, blocks and sentences one by one, so that a long document is never
  // one JSON value in memory. (The text is a
  // string by construction, so the skeleton leaves it out.)
  std::optional<ValidationError> FirstProblem(const Document& doc) const {
    const SchemaValidator& validator = processor_.validator();
    RecordOptions skeleton;
    skeleton.include_text = skeleton.include_segments = skeleton.include_sentences = false;
    auto problems = validator.Validate("document", DocumentSkeleton(doc, skeleton));
    size_t block = 0;
    ForEachBlockJson(doc, [&](const nlohmann::json& b) {
      if (problems.empty()) {
        problems = validator.Validate("document/block", b);
        for (ValidationError& p : problems) p.pointer = "/blocks/" + std::to_string(block) + p.pointer;
      }
      ++block;
    });
    for (size_t i = 0; problems.empty() && i < doc.sentences.size(); ++i) {
      problems = validator.Validate("document/sentence", nlohmann::json::array({doc.sentences[i].begin, doc.sentences[i].end}));
      for (ValidationError& p : problems) p.pointer = "/sentences/" + std::to_string(i) + p.pointer;
    }
    if (problems.empty()) return std::nullopt;
    return problems.front();
  }

  void Fail(ErrorRecord e) {
    out_.WriteError(e);
    report_.errors.push_back(std::move(e));
  }

 private:
  const Processor& processor_;
  const Input& input_;
  RecordSink& out_;
  FileReport& report_;
};

}  // namespace

Result<std::unique_ptr<Processor>> Processor::Create(ProcessOptions options) {
  std::unique_ptr<Processor> p(new Processor(std::move(options)));
  if (p->options_.find_entities) {  // `dossier text` starts faster without
    auto finder = EntityFinder::Load(p->options_.packs_dir);
    if (!finder.ok()) return finder.status();
    p->finder_ = *finder;
  }
  if (p->options_.validate_records) {  // parsing the schemas is a quarter of `text`'s start-up
    auto validator = SchemaValidator::Load();
    if (!validator.ok()) return validator.status();
    p->validator_ = *validator;
  }
  return p;
}

Status Processor::Analyze(Document& doc) const {
  try {
    if (Status s = ThreadNormalizer(options_.split_sentences).Normalize(doc); !s.ok()) return s;
    if (finder_) finder_->Run(doc);
  } catch (const std::exception& e) {
    return Internal(std::string("unexpected failure: ") + e.what());
  }
  return Status::Ok();
}

FileReport Processor::ProcessFile(const std::string& path, RecordSink& sink) const {
  Result<Input> input = OpenInput(path);
  if (!input.ok()) {
    FileReport report;
    report.path = path;
    Input unread;
    unread.path = path;
    ErrorRecord e = MakeError(unread, "read", input.status());
    sink.WriteError(e);
    report.errors.push_back(std::move(e));
    return report;
  }
  return ProcessInput(std::move(*input), sink);
}

FileReport Processor::ProcessInput(Input input, RecordSink& sink) const {
  FileReport report;
  report.path = input.path;
  Detection detection = DetectFormat(input.head, input.size);
  input.format = detection.format;
  report.format = detection.format;
  FinishingSink finishing(*this, input, sink, report);
  if (detection.format == Format::kUnknown) {
    const StatusCode code = input.size == 0 ? StatusCode::kEmpty : StatusCode::kUnsupported;
    finishing.Fail(MakeError(input, "detect", Status(code, detection.reason)));
    return report;
  }
  const Extractor* extractor = ExtractorRegistry::Default().For(detection.format);
  if (extractor == nullptr) {
    finishing.Fail(MakeError(input, "extract",
                             Unsupported(std::string("no extractor for ") +
                                         std::string(FormatName(detection.format)) + " yet")));
    return report;
  }
  Status status;
  try {
    status = extractor->Extract(input, options_.extract, finishing);
  } catch (const std::exception& e) {
    status = Internal(std::string("extractor failed: ") + e.what());
  }
  if (!status.ok()) finishing.Fail(MakeError(input, "extract", status));
  return report;
}

}  // namespace dossier
