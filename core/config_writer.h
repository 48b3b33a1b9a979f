// Adds one tag (with its MQTT or Sparkplug B binding) to a plant YAML file without touching
// anything else in it: the new entry is inserted as text under the machine's `tags:` in the
// file's own style, the result is validated with ConfigLoader, and only then is the file
// replaced atomically (with a `<file>.bak` copy of the old one). Used by the Browse broker
// dialog; also sets the limits/delays/priority of one alarm entry for run-time alarm changes
// (engine/AlarmService::updateSettings). Stateless, callable from any thread.
#pragma once

#include "core/plant_model.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace andon {

struct NewTagRequest
{
    QString machinePath;   // ISA-95 path of the machine, e.g. "acme/berlin/assembly/line1/press"
    QString name;          // leaf name, a path segment ([A-Za-z0-9_-]+)
    QString description;   // "" = not written
    QString unit;          // "" = not written
    int decimals = -1;     // -1 = not written (the loader's default applies)
    TagKind kind = TagKind::Analog;
    // Exactly one of the two. Every binding key that differs from the built-in default, or
    // that `default_mqtt` would otherwise supply, is written, so the loaded tag carries
    // exactly this binding. MqttBinding::topic is a literal topic (no {path} placeholder).
    std::optional<MqttBinding> mqtt;
    std::optional<SparkplugBinding> sparkplug;
};

struct ConfigWriteResult
{
    bool ok = false;
    QString file;        // the configuration file (or the name given to insertTag)
    int line = 0;        // ok: first line of the new entry; error: line of the problem (0 = none)
    QString tagPath;     // ok: the new tag's ISA-95 path
    QString backupFile;  // ok (addTag): where the previous version was copied
    QString message;     // error: "file:line: what is wrong"; ok: "file:line: added tag PATH"
    // Error: the edit itself would make the configuration invalid (as opposed to a file that
    // cannot be read or written, or that has errors already).
    bool rejected = false;
};

// Keys of one alarm entry and their new values as YAML text ("95", "2.5"), in writing order.
using AlarmFieldValues = std::vector<std::pair<QString, QString>>;

class ConfigWriter
{
public:
    // Inserts the tag into `yaml` (named `fileName` in messages; relative paths in it resolve
    // against `baseDir`) and validates the result. On success `*out` holds the new text; on
    // failure `*out` is left alone.
    static ConfigWriteResult insertTag(const QByteArray &yaml, const QString &fileName,
                                       const QString &baseDir, const NewTagRequest &request,
                                       QByteArray *out);
    // Reads `path`, inserts, validates, copies the old file to `<path>.bak` and replaces the
    // file atomically (QSaveFile). Nothing is written when any step fails.
    static ConfigWriteResult addTag(const QString &path, const NewTagRequest &request);

    // Sets `fields` (limit, setpoint, deadband, on_delay_s, off_delay_s, priority; numbers
    // only) of the `alarms:` entry named `name` that starts on `line` (1-based; when the file
    // moved that entry, the only entry with that name) as text: an existing value is
    // replaced in place (its comment stays), a missing key is added to the entry in its own
    // style (block or flow). The result must load and read back with exactly those values.
    static ConfigWriteResult setAlarmFieldsInText(const QByteArray &yaml, const QString &fileName,
                                                  const QString &baseDir, int line,
                                                  const QString &name,
                                                  const AlarmFieldValues &fields,
                                                  QByteArray *out);
    // The same on the file `path`: validated, `<path>.bak` written, replaced atomically.
    static ConfigWriteResult setAlarmFields(const QString &path, int line, const QString &name,
                                            const AlarmFieldValues &fields);

    // A scalar as YAML text: plain when that reads back as the same string, else
    // double-quoted with escapes. Exposed for tests.
    static QString yamlScalar(const QString &text);
};

} // namespace andon
