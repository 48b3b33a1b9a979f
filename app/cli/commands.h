// andon-cli sub-commands. Each takes the arguments after its name and returns the exit code
// (0 ok, 1 the input was wrong or a check failed, 2 usage error). Output goes to stdout,
// messages to stderr.
#pragma once

#include <QStringList>

namespace andon::cli {

int runCheckConfig(const QStringList &args); // check-config FILE
int runSecret(const QStringList &args);      // secret (set|check) --keychain SERVICE/ACCOUNT
int runTags(const QStringList &args);        // tags --config FILE
int runImport(const QStringList &args);      // import --config F --db F data.csv
int runExport(const QStringList &args);      // export --db F --tag PATH --from T --to T [--csv|--json]
// export kpis ... | export series ... | the per-tag export above (cmd_export.cpp)
int runExportCommand(const QStringList &args);
int runIngest(const QStringList &args);      // ingest --config F --db F [--seconds N]
int runOee(const QStringList &args);         // oee --config F --db F (--machine P|--line P) ...
int runReport(const QStringList &args);      // report shift --config F --db F --line L --date D --shift S
int runSpc(const QStringList &args);         // spc --csv F --chart C ... | --config F --db F --characteristic P
int runHealth(const QStringList &args);      // health --config F --db F [--at T] [--json]

int runEnergy(const QStringList &args);      // energy --config F --db F --from T --to T [--by ...]

int runAlarms(const QStringList &args);
// user (add|list|passwd|role|disable|enable|unlock) ... --config F [--db F] [--users-db F]
int runUser(const QStringList &args);      // alarms --config F --db F --from T --to T [--json]

} // namespace andon::cli
