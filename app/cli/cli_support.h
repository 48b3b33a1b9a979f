// Small helpers shared by the andon-cli sub-commands (app/cli/cmd_*.cpp).
#pragma once

#include <QString>

#include <memory>

class QTextStream;

namespace andon::storage {
class Historian;
}

namespace andon::cli {

// Prints "andon-cli: PROBLEM" (when there is one) and "usage: andon-cli USAGE" to stderr;
// returns the usage-error exit code 2.
int reportUsage(const QString &usage, const QString &problem);

// Opens the historian at `path` read-only; on failure writes `prefix` + the reason and a line
// end to `err` (the command's own stderr stream, so that messages stay in order) and returns
// nullptr.
std::unique_ptr<storage::Historian> openHistorianReadOnly(const QString &path, QTextStream &err,
                                                          const QString &prefix);

} // namespace andon::cli
