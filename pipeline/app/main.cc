// The dossier executable: everything lives in dossier_lib.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "pipeline/app/cli.h"

int main(int argc, char** argv) {
  const int code = dossier::RunCli(argc, argv);
  // Every output file is complete (renamed into place) by now: flush the
  // streams and leave without running static destructors, which only give
  // memory back to a process about to end (Poppler's and ICU's tables took
  // a tenth of a one-page `text`).
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}
