// The CLI as users and CI jobs run it: exit codes, error lines and records,
// bad input of every kind, and outputs that are whole or absent.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "tests/app/test_util.h"

namespace dossier {
namespace {

using nlohmann::json;
using test_util::ReadFile;
using test_util::RunDossier;
using test_util::RunResult;
using test_util::TempDir;

using test_util::JsonLines;

const std::string kShared = DOSSIER_SHARED_DIR;

TEST(CliTest, HelpAndVersion) {
  RunResult help = RunDossier("--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* word : {"extract", "text", "run", "validate", "Exit codes"}) {
    EXPECT_NE(help.out.find(word), std::string::npos) << word;
  }
  RunResult version = RunDossier("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("dossier ", 0), 0u) << version.out;
  for (const char* cmd : {"extract", "text", "run", "validate"}) {
    RunResult sub = RunDossier(std::string(cmd) + " --help");
    EXPECT_EQ(sub.exit_code, 0) << cmd;
    EXPECT_NE(sub.out.find("Exit codes"), std::string::npos) << cmd;
  }
}

TEST(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunDossier("").exit_code, 2);
  EXPECT_EQ(RunDossier("frobnicate").exit_code, 2);
  EXPECT_EQ(RunDossier("run").exit_code, 2);                 // no inputs, no -o
  EXPECT_EQ(RunDossier("--packs /nonexistent extract x").exit_code, 2);
  TempDir tmp;
  EXPECT_EQ(RunDossier("run " + tmp.path() + "/missing -o " + tmp.path() + "/out").exit_code, 2);
}

// Regexes are parsed once, by the scanner, at start-up: a broken one in an
// analyst's pack still stops the run before any file, naming the pattern.
TEST(CliTest, BrokenPatternInPackIsNamed) {
  TempDir tmp;
  {
    std::ofstream f(tmp.path() + "/dates.json");
    f << R"({"kind":"date","version":"1.0.0","patterns":[{"id":"date.broken_paren","regex":"(\\d+","resolve":"x"}]})";
  }
  {
    std::ofstream f(tmp.path() + "/doc.txt");
    f << "On 3 May 2019, 12 people were held.\n";
  }
  RunResult r = RunDossier("--packs " + tmp.path() + " extract " + tmp.path() + "/doc.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("date.broken_paren"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing )"), std::string::npos) << r.err;
}

// A pattern with a prefilter is looked for by its prefilter first; its own
// regex, broken in an analyst's pack, still stops the run at start-up.
TEST(CliTest, BrokenPatternBehindAPrefilterIsNamed) {
  TempDir tmp;
  tmp.Write("dates.json",
            R"({"kind":"date","version":"1.0.0","patterns":[{"id":"date.broken_behind","regex":"May (\\d+",)"
            R"("prefilter":"May","resolve":"x"}]})");
  const std::string doc = tmp.Write("doc.txt", "On 3 May 2019, 12 people were held.\n");
  RunResult r = RunDossier("--packs " + tmp.path() + " extract " + doc);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("date.broken_behind"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing )"), std::string::npos) << r.err;
}

// A day named without a year in a text with no year and no document date
// is kept with ISO 8601's truncated value ("--11-05"), and the record stays
// valid: such a date once made the whole document fail validation.
TEST(CliTest, YearlessDateKeepsTheDocument) {
  TempDir tmp;
  const std::string doc = tmp.Write("doc.txt", "The hearing on Nov. 5 was postponed; 12 people were held.\n");
  RunResult r = RunDossier("extract " + doc);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json rec = json::parse(r.out);
  bool date = false, count = false;
  for (const json& e : rec["entities"]) {
    date = date || (e["type"] == "date" && e["value"] == "--11-05");
    count = count || (e["type"] == "statistic" && e["value"] == 12);
  }
  EXPECT_TRUE(date) << r.out;
  EXPECT_TRUE(count) << r.out;
  RunResult checked = RunDossier("validate " + tmp.Write("documents.jsonl", r.out));
  EXPECT_EQ(checked.exit_code, 0) << checked.out;
}

// An entity whose record breaks the schema (here a pack maps a qualifier to
// a value outside the schema's list) is left out with a warning naming it;
// the document and its other entities are kept.
TEST(CliTest, InvalidEntityIsDroppedNotTheDocument) {
  TempDir tmp;
  std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/pipeline/find/packs/statistics.json");
  json pack = json::parse(in);
  pack["lists"]["qualifiers"]["about"] = "approximately";
  tmp.Write("statistics.json", pack.dump());
  const std::string doc = tmp.Write("doc.txt", "On 3 May 2019, about 40 people and 12 children were held.\n");
  RunResult r = RunDossier("--packs " + tmp.path() + " extract " + doc);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json rec = json::parse(r.out);
  bool kept = false, dropped = false, date = false;
  for (const json& e : rec["entities"]) {
    kept = kept || (e["type"] == "statistic" && e["value"] == 12);
    dropped = dropped || (e["type"] == "statistic" && e["value"] == 40);
    date = date || e["type"] == "date";
  }
  EXPECT_TRUE(kept && date) << r.out;
  EXPECT_FALSE(dropped) << r.out;
  bool warned = false;
  for (const json& w : rec["warnings"]) {
    warned = warned || (w["code"] == "entity_dropped" && w["message"].get<std::string>().find("about 40 people") !=
                                                              std::string::npos);
  }
  EXPECT_TRUE(warned) << rec["warnings"].dump();
}

TEST(CliTest, ExtractsEverySeedWithItsFormat) {
  struct Case {
    const char* seed;
    const char* format;
  };
  const Case cases[] = {{"000_e58ba67729caf002.txt", "json"},
                        {"001_f317ec612d5c895c.txt", "text"},
                        {"002_5e5a55630e324d55.txt", "markdown"},
                        {"003_0cda4033fbb05015.txt", "text"},
                        {"004_02e4a86a56e3b9bc.txt", "text"}};
  for (const Case& c : cases) {
    RunResult r = RunDossier("extract " + kShared + "/seeds/" + c.seed);
    ASSERT_EQ(r.exit_code, 0) << c.seed << ": " << r.err;
    std::vector<json> records = JsonLines(r.out);
    ASSERT_FALSE(records.empty()) << c.seed;
    for (const json& rec : records) {
      EXPECT_EQ(rec["source"]["format"], c.format) << c.seed;
      EXPECT_EQ(rec["record"], "document");
      EXPECT_FALSE(rec["text"].get<std::string>().empty()) << c.seed;
    }
  }
}

// Each kind of bad input: one stderr line naming the file, one error
// record, exit code 1, and the good file next to it still processed.
TEST(CliTest, BadInputIsReportedAndTheBatchGoesOn) {
  TempDir tmp;
  struct Case {
    const char* name;
    std::string bytes;
    const char* stage;
  };
  const std::vector<Case> cases = {
      {"empty.txt", "", "detect"},
      {"binary.dat", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16) + std::string(400, '\0'), "detect"},
      {"truncated.json", R"({"record": {"title": "A", "summary": "Cut off her)", "extract"},
      {"nested.json", std::string(100000, '[') + std::string(100000, ']'), "extract"},
      {"fake.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf", "extract"},
  };
  std::string args = "run ";
  for (const Case& c : cases) args += tmp.Write("in/" + std::string(c.name), c.bytes) + " ";
  tmp.Write("in/good.txt", "On January 25, 2019, over 60,000 asylum seekers were returned.");
  args += tmp.path() + "/in/good.txt -q -o " + tmp.path() + "/out";
  RunResult r = RunDossier(args);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<json> errors = JsonLines(ReadFile(tmp.path() + "/out/errors.jsonl"));
  std::vector<json> docs = JsonLines(ReadFile(tmp.path() + "/out/documents.jsonl"));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_NE(docs[0]["source"]["path"].get<std::string>().find("good.txt"), std::string::npos);
  ASSERT_EQ(errors.size(), cases.size()) << ReadFile(tmp.path() + "/out/errors.jsonl");
  for (const Case& c : cases) {
    bool seen = false;
    for (const json& e : errors) {
      if (e["path"].get<std::string>().find(c.name) == std::string::npos) continue;
      seen = true;
      EXPECT_EQ(e["stage"], c.stage) << c.name << ": " << e.dump();
      EXPECT_FALSE(e["reason"].get<std::string>().empty());
    }
    EXPECT_TRUE(seen) << c.name;
    EXPECT_NE(r.err.find(c.name), std::string::npos) << "stderr does not name " << c.name;
  }
}

TEST(CliTest, InvalidUtf8AndNulBytesAreReplacedAndReported) {
  TempDir tmp;
  const std::string path =
      tmp.Write("bad.txt", std::string("Asylum \xff\xfe seekers\0 returned in 2019.", 36));
  RunResult r = RunDossier("extract " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json rec = json::parse(r.out);
  const std::string text = rec["text"];
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_FALSE(rec["warnings"].empty());
}

TEST(CliTest, RunWritesWholeFilesAndLeavesNoTemporaries) {
  TempDir tmp;
  tmp.Write("in/a.md", "# Title\n\nSince 2019, 816 cases were heard.\n");
  tmp.Write("in/.hidden.txt", "ignored");
  RunResult r = RunDossier("run " + tmp.path() + "/in -q -o " + tmp.path() + "/out");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.path() + "/out")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"documents.jsonl", "errors.jsonl", "incidents.jsonl"}));
  EXPECT_EQ(JsonLines(ReadFile(tmp.path() + "/out/documents.jsonl")).size(), 1u);
  EXPECT_TRUE(ReadFile(tmp.path() + "/out/errors.jsonl").empty());
  EXPECT_NE(r.out.find("documents.jsonl"), std::string::npos);  // says where output went
}

// The main job of the README: every sample but the deliberately broken one
// becomes records, and every record written validates against its schema.
TEST(CliTest, SamplesRunIntoValidRecordsWithOnlyTheBrokenFileFailing) {
  TempDir tmp;
  const std::string out = tmp.path() + "/out";
  RunResult r = RunDossier("run " + std::string(DOSSIER_SOURCE_DIR) + "/samples -q -o " + out);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<json> errors = JsonLines(ReadFile(out + "/errors.jsonl"));
  ASSERT_EQ(errors.size(), 1u) << ReadFile(out + "/errors.jsonl");
  EXPECT_NE(errors[0]["path"].get<std::string>().find("broken.pdf"), std::string::npos);
  std::set<std::string> formats;
  for (const json& rec : JsonLines(ReadFile(out + "/documents.jsonl"))) {
    formats.insert(rec["source"]["format"].get<std::string>());
  }
  EXPECT_EQ(formats, (std::set<std::string>{"html", "json", "jsonl", "markdown", "pdf"}));
  RunResult check = RunDossier("validate " + out + "/documents.jsonl " + out + "/errors.jsonl");
  EXPECT_EQ(check.exit_code, 0) << check.out;
}

// A blank PDF is a valid document with no text: it makes no incident
// record (which would have no title) and so no error.
TEST(CliTest, BlankDocumentMakesNoIncident) {
  TempDir tmp;
  const std::string in = tmp.path() + "/in";
  std::filesystem::create_directories(in);
  std::filesystem::copy_file(std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/pdf/blank.pdf", in + "/blank.pdf");
  {
    std::ofstream f(in + "/note.txt");
    f << "Border Shelter Closes\n\nOn 3 May 2019, 120 people were moved from the shelter in Tijuana.\n";
  }
  RunResult r = RunDossier("--no-ocr run " + in + " -o " + tmp.path() + "/out");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(JsonLines(ReadFile(tmp.path() + "/out/documents.jsonl")).size(), 2u);
  EXPECT_EQ(JsonLines(ReadFile(tmp.path() + "/out/incidents.jsonl")).size(), 1u);
  EXPECT_TRUE(ReadFile(tmp.path() + "/out/errors.jsonl").empty());
}

TEST(CliTest, UnwritableOutputIsAnEnvironmentError) {
  TempDir tmp;
  const std::string file = tmp.Write("in/a.txt", "text");
  tmp.Write("blocker", "a file where the output folder should go");
  RunResult r = RunDossier("run " + file + " -q -o " + tmp.path() + "/blocker/out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("blocker"), std::string::npos) << r.err;
}

TEST(CliTest, ExtractReadsStandardInput) {
  RunResult r = RunDossier("extract - < " + kShared + "/seeds/003_0cda4033fbb05015.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json rec = json::parse(r.out);
  EXPECT_EQ(rec["source"]["path"], "-");
  EXPECT_EQ(rec["source"]["format"], "text");
}

// Issue 5: a PDF's footnote marker, taken out of the sentence, stays in
// the record as a reference from that sentence to its note, and the record
// with it passes `validate`.
TEST(CliTest, FootnoteMarkerLinksItsSentenceToTheNote) {
  const std::string pdf = std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/pdf/footnotes.pdf";
  RunResult r = RunDossier("--no-ocr extract " + pdf);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json rec = json::parse(r.out);
  ASSERT_TRUE(rec.contains("note_refs")) << r.out;
  ASSERT_EQ(rec["note_refs"].size(), 1u);
  const json& ref = rec["note_refs"][0];
  EXPECT_EQ(ref["label"], "1");
  EXPECT_EQ(ref["source"]["page"], 1);
  const std::string text = rec["text"];
  const json& sentence = rec["sentences"][ref["sentence"].get<size_t>()];
  EXPECT_EQ(text.substr(sentence[0].get<size_t>(), sentence[1].get<size_t>() - sentence[0].get<size_t>()),
            "The court held that detention was unlawful.");
  EXPECT_EQ(ref["offset"].get<size_t>(), sentence[1].get<size_t>());
  bool note = false;
  for (const json& b : rec["blocks"]) note = note || (b["role"] == "footnote" && b["label"] == "1");
  EXPECT_TRUE(note);
  TempDir tmp;
  RunResult checked = RunDossier("validate " + tmp.Write("documents.jsonl", r.out));
  EXPECT_EQ(checked.exit_code, 0) << checked.out;
}

TEST(CliTest, ValidateChecksRecordsInputsAndPacks) {
  TempDir tmp;
  const std::string good = tmp.Write("good.txt", "Over 71,000 asylum seekers were returned.");
  RunResult extracted = RunDossier("extract " + good);
  ASSERT_EQ(extracted.exit_code, 0);
  const std::string records = tmp.Write("documents.jsonl", extracted.out);
  json broken = json::parse(extracted.out);
  broken["source"]["format"] = "spreadsheet";
  const std::string bad_records = tmp.Write("bad.jsonl", broken.dump() + "\n");
  RunResult ok = RunDossier("validate " + good + " " + records);
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  RunResult bad = RunDossier("validate " + bad_records);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("/source/format"), std::string::npos) << bad.out;
  const std::string empty = tmp.Write("empty.txt", "");
  RunResult empty_run = RunDossier("validate " + empty);
  EXPECT_EQ(empty_run.exit_code, 1);
  EXPECT_NE(empty_run.out.find("empty file"), std::string::npos) << empty_run.out;
}

// A prefilter that is not in every match of its pattern would make the
// scanner skip text: `validate` finds it from the pack's own examples.
TEST(CliTest, ValidateFindsAPrefilterMissingFromAMatch) {
  TempDir tmp;
  const std::string pack = tmp.Write(
      "dates.json",
      R"j({"kind":"date","version":"1.0.0","patterns":[{"id":"date.month_year","regex":"(?P<a_month>May) (?P<a_year>2019)",)j"
      R"j("prefilter":"June","resolve":"date","examples":["It began in May 2019."]}]})j");
  RunResult r = RunDossier("validate " + pack);
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("date.month_year: its prefilter is not in its match \"May 2019\""), std::string::npos) << r.out;
  const std::string fixed = tmp.Write(
      "fixed/dates.json",
      R"j({"kind":"date","version":"1.0.0","patterns":[{"id":"date.month_year","regex":"(?P<a_month>May) (?P<a_year>2019)",)j"
      R"j("prefilter":"May","resolve":"date","examples":["It began in May 2019."]}]})j");
  EXPECT_EQ(RunDossier("validate " + fixed).exit_code, 0);
}

// Tesseract is a module loaded for the first scanned page: a run with no
// scans does not pay for loading it and its forty-odd libraries.
TEST(CliTest, BinaryDoesNotLinkTesseract) {
  FILE* pipe = ::popen(("ldd " + std::string(DOSSIER_BINARY)).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string libs;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) libs.append(buf.data(), n);
  ASSERT_EQ(::pclose(pipe), 0);
  EXPECT_NE(libs.find("libpoppler"), std::string::npos) << libs;
  EXPECT_EQ(libs.find("libtesseract"), std::string::npos) << libs;
}

// A scan with the OCR module missing still gives a result: the page is
// reported on stderr with the file, the module and why it did not load.
TEST(CliTest, MissingOcrModuleIsAWarningNamingTheModule) {
  const std::string scan = std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/pdf/scanned.pdf";
  RunResult read = RunDossier("text " + scan);
  EXPECT_EQ(read.exit_code, 0);
  EXPECT_NE(read.out.find("Detention"), std::string::npos) << read.out;

  ::setenv("DOSSIER_OCR_MODULE", "/nonexistent/libdossier_tesseract.so", 1);
  RunResult missing = RunDossier("text " + scan);
  ::unsetenv("DOSSIER_OCR_MODULE");
  EXPECT_EQ(missing.exit_code, 0);
  EXPECT_EQ(missing.out.find("Detention"), std::string::npos) << missing.out;
  EXPECT_NE(missing.err.find(scan + ": warning: ocr_failed"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("/nonexistent/libdossier_tesseract.so"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace dossier
