// The dossier executable: everything lives in dossier_lib.
#include "pipeline/app/cli.h"

int main(int argc, char** argv) { return dossier::RunCli(argc, argv); }
