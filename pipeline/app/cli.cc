#include "pipeline/app/cli.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "pipeline/app/commands.h"
#include "pipeline/app/version.h"

namespace dossier {

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  all good\n"
    "  1  some documents failed (each reported on stderr and in errors; the rest were processed)\n"
    "  2  usage or environment error (bad flags, unreadable pattern pack, unwritable output)\n";

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"dossier: turn downloaded reports (PDF, HTML, JSON dumps, text) into structured,\n"
               "traceable records of dates, statistics, statutes and citations."};
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string("dossier ") + kVersion + " (" + kGitRevision + ")");
  app.require_subcommand(1);

  ProcessOptions options;
  if (const char* env = std::getenv("DOSSIER_PACKS")) options.packs_dir = env;
  bool no_ocr = false;
  app.add_option("--packs", options.packs_dir,
                 "Directory of pattern packs (dates.json, ...) replacing the built-in ones "
                 "[env: DOSSIER_PACKS]")
      ->check(CLI::ExistingDirectory);
  app.add_flag("--no-ocr", no_ocr, "Do not OCR PDF pages that have no text layer");

  std::vector<std::string> extract_paths;
  bool no_text = false;
  CLI::App* extract = app.add_subcommand(
      "extract", "Print one JSON document record per document (JSON Lines) on stdout");
  extract->add_option("paths", extract_paths, "Input files, or - for standard input")->required();
  extract->add_flag("--no-text", no_text, "Leave the normalized text and blocks out of records");
  extract->footer(kExitCodes);

  std::string text_path;
  CLI::App* text = app.add_subcommand("text", "Print the clean main text of one document");
  text->add_option("path", text_path, "Input file, or - for standard input")->required();
  text->footer(kExitCodes);

  std::vector<std::string> run_inputs;
  std::string out_dir;
  bool quiet = false;
  CLI::App* run = app.add_subcommand(
      "run", "Process every file under the given folders into OUT/documents.jsonl, "
             "OUT/incidents.jsonl and OUT/errors.jsonl");
  run->add_option("inputs", run_inputs, "Input folders or files")->required();
  run->add_option("-o,--out", out_dir, "Output folder (created if missing)")->required();
  run->add_flag("-q,--quiet", quiet, "No progress on stderr");
  MergeOptions merge;
  run->add_option("--merge-threshold", merge.threshold,
                  "Similarity (0-1) at or above which records of two documents are merged into "
                  "one incident; above 1 never merges (see schemas/incident.md)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 2.0));
  run->footer(kExitCodes);

  std::vector<std::string> validate_paths;
  CLI::App* validate = app.add_subcommand(
      "validate",
      "Check input files (do they extract into valid records?) and dossier record files "
      "(documents.jsonl, incidents.jsonl, errors.jsonl) and pattern packs against the schemas");
  validate->add_option("paths", validate_paths, "Files to check")->required();
  validate->footer(kExitCodes);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  options.extract.ocr = !no_ocr;
  if (text->parsed()) {  // only the text is printed: no entities, no record to check
    options.find_entities = false;
    options.validate_records = false;
    options.split_sentences = false;
    // A long PDF's text streams out a part at a time, so memory stays
    // bounded whatever the page count. Line-end hyphens are then decided on
    // the evidence of their part (see line_join.h): documents under a part
    // print exactly the text `extract` records.
    options.extract.part_bytes = 1 << 20;
    options.extract.headline_and_captions = false;
  }
  auto processor = Processor::Create(options);
  if (!processor.ok()) {
    std::cerr << "dossier: " << processor.status().message() << "\n";
    return kExitUsage;
  }
  if (extract->parsed()) {
    RecordOptions records;
    records.include_text = !no_text;
    records.include_segments = !no_text;
    return ExtractCommand(**processor, extract_paths, records);
  }
  if (text->parsed()) return TextCommand(**processor, text_path);
  if (run->parsed()) return RunCommand(**processor, run_inputs, out_dir, quiet, merge);
  if (validate->parsed()) return ValidateCommand(**processor, validate_paths);
  return kExitUsage;
}

}  // namespace dossier
