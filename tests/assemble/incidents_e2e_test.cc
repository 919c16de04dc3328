// `dossier run` over the five seeds: one merged MPP incident with the seed
// 000 fields, figures of every source attributed to its document, the
// sources' disagreement surfaced, every line valid, the same bytes every
// run; and invalid records go to errors, never into incidents.jsonl.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "pipeline/app/commands.h"
#include "pipeline/core/json_io.h"
#include "tests/app/test_util.h"

namespace dossier {
namespace {

using nlohmann::json;
using test_util::ReadFile;
using test_util::RunDossier;
using test_util::TempDir;

using test_util::JsonLines;

// Copies the seeds into `dir`/in (a run over the shared folder would also
// read its gold files).
std::string CopySeeds(const TempDir& dir) {
  const std::filesystem::path in = std::filesystem::path(dir.path()) / "in";
  std::filesystem::create_directories(in);
  for (const auto& e :
       std::filesystem::directory_iterator(std::string(DOSSIER_SHARED_DIR) + "/seeds")) {
    std::filesystem::copy_file(e.path(), in / e.path().filename());
  }
  return in.string();
}

const SchemaValidator& Validator() {
  static const std::shared_ptr<const SchemaValidator> v = *SchemaValidator::Load();
  return *v;
}

TEST(IncidentsE2eTest, TheFiveSeedsMergeIntoOneMppIncident) {
  TempDir tmp;
  const std::string in = CopySeeds(tmp);
  auto run = RunDossier("run " + in + " -q -o " + tmp.path() + "/out");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("incidents.jsonl"), std::string::npos);
  const std::string bytes = ReadFile(tmp.path() + "/out/incidents.jsonl");
  const std::vector<json> incidents = JsonLines(bytes);
  ASSERT_EQ(incidents.size(), 1u) << bytes.substr(0, 2000);
  for (const json& r : incidents) {
    const auto problems = Validator().Validate("incident", r);
    EXPECT_TRUE(problems.empty()) << problems.front().pointer << ": " << problems.front().message;
  }
  const json& r = incidents[0];
  EXPECT_EQ(r["record"], "incident");
  EXPECT_EQ(r["version"], kIncidentRecordVersion);
  // Seed 000's structured fields lead.
  EXPECT_EQ(r["slug"], "remain-in-mexico-reimposition");
  EXPECT_EQ(r["title"]["value"], "Reimposition of 'Remain in Mexico' Migrant Protection Protocols");
  EXPECT_EQ(r["date"]["value"], "2025-01-21");
  EXPECT_EQ(r["category"]["value"], "deportation");
  EXPECT_EQ(r["tags"].size(), 7u);
  // Every seed is a member, and a source.
  std::map<std::string, std::string> seed_of;  // document id -> seed number
  for (const json& d : r["documents"]) {
    seed_of[d["id"]] =
        std::filesystem::path(d["path"].get<std::string>()).filename().string().substr(0, 3);
  }
  EXPECT_EQ(seed_of.size(), 5u);
  std::set<std::string> figures_from, sources_from;
  for (const json& f : r["figures"]) figures_from.insert(seed_of.at(f["provenance"]["document"]));
  for (const json& s : r["sources"]) sources_from.insert(seed_of.at(s["provenance"]["document"]));
  EXPECT_EQ(figures_from, (std::set<std::string>{"000", "001", "002", "003", "004"}));
  EXPECT_GE(sources_from.size(), 2u);
  // Timeline in date order, from several seeds.
  std::set<std::string> timeline_from;
  std::string last;
  for (const json& t : r["timeline"]) {
    EXPECT_LE(last, t["date"].get<std::string>());
    last = t["date"];
    timeline_from.insert(seed_of.at(t["provenance"]["document"]));
  }
  EXPECT_GE(timeline_from.size(), 4u);
  // 70,000 migrants (001) against more than 71,000 asylum seekers (000, 003).
  ASSERT_GE(r["conflicts"].size(), 1u);
  bool mpp_total = false;
  for (const json& c : r["conflicts"]) {
    std::set<double> values;
    std::set<std::string> seeds;
    for (const json& claim : c["claims"]) {
      values.insert(claim["value"].get<double>());
      seeds.insert(seed_of.at(claim["provenance"]["document"]));
      EXPECT_FALSE(claim["provenance"]["quote"].get<std::string>().empty());
    }
    if (values.count(70000) && values.count(71000)) {
      mpp_total = true;
      EXPECT_EQ(c["subject"], "people");
      EXPECT_TRUE(seeds.count("001")) << c.dump();
      EXPECT_TRUE(seeds.count("003")) << c.dump();
    }
  }
  EXPECT_TRUE(mpp_total) << r["conflicts"].dump();
  // dossier validate accepts the file.
  auto validate = RunDossier("validate " + tmp.path() + "/out/incidents.jsonl");
  EXPECT_EQ(validate.exit_code, 0) << validate.out;
}

TEST(IncidentsE2eTest, SameBytesEveryRunAndAThresholdThatKeepsThemApart) {
  TempDir tmp;
  const std::string in = CopySeeds(tmp);
  ASSERT_EQ(RunDossier("run " + in + " -q -o " + tmp.path() + "/a").exit_code, 0);
  ASSERT_EQ(RunDossier("run " + in + " -q -o " + tmp.path() + "/b").exit_code, 0);
  const std::string a = ReadFile(tmp.path() + "/a/incidents.jsonl");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, ReadFile(tmp.path() + "/b/incidents.jsonl"));
  ASSERT_EQ(
      RunDossier("run " + in + " -q --merge-threshold 1.5 -o " + tmp.path() + "/apart").exit_code,
      0);
  const std::vector<json> apart = JsonLines(ReadFile(tmp.path() + "/apart/incidents.jsonl"));
  EXPECT_EQ(apart.size(), 5u);
  for (const json& r : apart) {
    EXPECT_TRUE(Validator().Validate("incident", r).empty()) << r["id"];
    EXPECT_TRUE(r["conflicts"].empty());  // one document cannot disagree with itself
  }
  EXPECT_EQ(
      RunDossier("run " + in + " -q --merge-threshold -1 -o " + tmp.path() + "/bad").exit_code, 2);
}

TEST(IncidentsE2eTest, SamplesRunIntoValidIncidentRecords) {
  TempDir tmp;
  const std::string out = tmp.path() + "/out";
  auto run = RunDossier("run " + std::string(DOSSIER_SOURCE_DIR) + "/samples -q -o " + out);
  EXPECT_EQ(run.exit_code, 1) << run.err;  // samples/broken.pdf, and nothing else
  const std::vector<json> errors = JsonLines(ReadFile(out + "/errors.jsonl"));
  ASSERT_EQ(errors.size(), 1u) << ReadFile(out + "/errors.jsonl");
  const std::vector<json> incidents = JsonLines(ReadFile(out + "/incidents.jsonl"));
  ASSERT_FALSE(incidents.empty());
  size_t documents = 0;
  for (const json& r : incidents) {
    const auto problems = Validator().Validate("incident", r);
    EXPECT_TRUE(problems.empty()) << problems.front().pointer << ": " << problems.front().message;
    documents += r["documents"].size();
  }
  EXPECT_EQ(documents, JsonLines(ReadFile(out + "/documents.jsonl")).size());
  EXPECT_EQ(RunDossier("validate " + out + "/incidents.jsonl").exit_code, 0);
}

// Collects error records.
class ErrorSink final : public RecordSink {
 public:
  void WriteDocument(const Document&) override {}
  void WriteError(const ErrorRecord& e) override { errors.push_back(e); }
  Status Finish() override { return Status::Ok(); }
  std::vector<ErrorRecord> errors;
};

TEST(IncidentsE2eTest, InvalidRecordsGoToErrorsWithTheirPointer) {
  auto processor = Processor::Create({});
  ASSERT_TRUE(processor.ok());
  auto good = [](char c) {
    IncidentRecord r;
    r.id = std::string(16, c);
    r.title.value = "An incident";
    r.title.provenance.document = std::string(16, c);
    MemberDocument d;
    d.id = std::string(16, c);
    d.path = std::string(1, c) + ".txt";
    d.sha256 = std::string(64, 'a');
    d.format = Format::kText;
    r.documents.push_back(d);
    r.terms = {std::string(1, c) + " term"};  // nothing shared: no merge
    return r;
  };
  IncidentRecord bad = good('b');
  Figure f;
  f.value.kind = "count";
  f.value.value = 3;
  f.value.qualifier = "roughly";  // not one of the schema's qualifiers
  f.text = "roughly 3";
  f.provenance.document = std::string(16, 'b');
  bad.figures.push_back(f);
  TempDir tmp;
  auto sink = IncidentSink::Create(tmp.path());
  ASSERT_TRUE(sink.ok());
  ErrorSink errors;
  const auto failures = WriteIncidents(**processor, {good('a'), bad}, {}, **sink, errors);
  ASSERT_TRUE((*sink)->Finish().ok());
  ASSERT_EQ(failures.size(), 1u);
  ASSERT_EQ(errors.errors.size(), 1u);
  EXPECT_EQ(failures[0].stage, "validate");
  EXPECT_EQ(failures[0].locator, "/figures/0/qualifier");
  EXPECT_NE(failures[0].reason.find("/figures/0/qualifier"), std::string::npos);
  EXPECT_TRUE(Validator().Validate("error", ToJson(failures[0])).empty());
  const std::vector<json> written = JsonLines(ReadFile((*sink)->path()));
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0]["documents"][0]["path"], "a.txt");
}

}  // namespace
}  // namespace dossier
