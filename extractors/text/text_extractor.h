// Plain-text extractor: the file is the text, byte for byte, less the lines
// of links a web page saved as text carries ("Related: A | B | C"); every
// kept byte maps back to its offset in the file.
#ifndef DOSSIER_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_
#define DOSSIER_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_

#include <memory>

#include "extractors/extractor.h"

namespace dossier {

// Returns the extractor for Format::kText.
std::unique_ptr<Extractor> MakeTextExtractor();

}  // namespace dossier

#endif  // DOSSIER_EXTRACTORS_TEXT_TEXT_EXTRACTOR_H_
