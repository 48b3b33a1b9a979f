// Loads and validates the YAML plant configuration into a PlantModel.
// Every problem is reported as "file:line:column: key: what was expected" (with a
// "did you mean" hint for unknown keys); loading never aborts the program.
#pragma once

#include "core/plant_model.h"

#include <memory>

#include <QString>
#include <QStringList>

namespace andon {

struct ConfigMessage
{
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString text;   // "key 'prot' is not allowed here; did you mean 'port'?"

    // "file:line:column: error: text"
    QString format() const;
};

struct ConfigResult
{
    std::shared_ptr<const PlantModel> model; // null when there were errors
    std::vector<ConfigMessage> messages;     // errors and warnings, in file order
    bool ok() const { return model != nullptr; }
    QStringList formattedMessages() const;
};

class ConfigLoader
{
public:
    static ConfigResult loadFile(const QString &path);
    // For tests: `fileName` is only used in messages; relative paths resolve against `baseDir`.
    static ConfigResult loadString(const QByteArray &yaml, const QString &fileName,
                                   const QString &baseDir = QString());
};

} // namespace andon
