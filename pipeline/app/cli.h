// The dossier command line: extract, text, run, validate.
//
// Exit codes: 0 all good; 1 some documents failed (the rest were processed);
// 2 usage or environment error (bad flags, unreadable pattern pack, output
// directory not writable).
#ifndef DOSSIER_PIPELINE_APP_CLI_H_
#define DOSSIER_PIPELINE_APP_CLI_H_

namespace dossier {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitUsage = 2;

// Returns the exit code of running the CLI on `argv`.
int RunCli(int argc, char** argv);

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_APP_CLI_H_
