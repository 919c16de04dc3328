// EmbeddedFile: a data file compiled into the binary (pattern packs,
// schemas) by cmake/embed_files.cmake, so dossier runs from any directory.
#ifndef DOSSIER_PIPELINE_CORE_EMBEDDED_FILE_H_
#define DOSSIER_PIPELINE_CORE_EMBEDDED_FILE_H_

namespace dossier {

struct EmbeddedFile {
  const char* name;  // file name without directory: "dates.json"
  const char* text;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_CORE_EMBEDDED_FILE_H_
