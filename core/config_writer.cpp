#include "core/config_writer.h"

#include "core/config_loader.h"

#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace andon {

namespace {

Q_LOGGING_CATEGORY(lcConfigWriter, "andon.config.writer", QtInfoMsg)

const QRegularExpression &segmentPattern()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return re;
}

// Byte lines of the file; yaml-cpp marks are 0-based lines and byte columns, which index
// these directly (a "\r\n" line keeps its '\r' at the end, after every mark).
struct Text
{
    QByteArray bytes;
    std::vector<int> starts; // byte offset of each line

    explicit Text(const QByteArray &b) : bytes(b)
    {
        starts.push_back(0);
        for (int i = 0; i < bytes.size(); ++i)
            if (bytes.at(i) == '\n' && i + 1 < bytes.size())
                starts.push_back(i + 1);
    }
    int lineCount() const { return int(starts.size()); }
    QByteArray line(int l) const // without the line break
    {
        const int begin = starts[std::size_t(l)];
        int end = l + 1 < lineCount() ? starts[std::size_t(l) + 1] : int(bytes.size());
        while (end > begin && (bytes.at(end - 1) == '\n' || bytes.at(end - 1) == '\r'))
            --end;
        return bytes.mid(begin, end - begin);
    }
    int offset(int l, int column) const { return starts[std::size_t(l)] + column; }
    int lineOf(int offset) const
    {
        const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        return int(it - starts.begin()) - 1;
    }
    // End of line `l` (the offset after its line break, or the end of the text).
    int lineEnd(int l) const
    {
        return l + 1 < lineCount() ? starts[std::size_t(l) + 1] : int(bytes.size());
    }
    QByteArray newline() const
    {
        const int nl = bytes.indexOf('\n');
        return nl > 0 && bytes.at(nl - 1) == '\r' ? QByteArrayLiteral("\r\n")
                                                  : QByteArrayLiteral("\n");
    }
};

int indentOf(const QByteArray &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == ' ')
        ++i;
    return i;
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

// The last line of the block-sequence item (or map) starting on `startLine` whose entries are
// indented more than `dashColumn`: content lines further in belong to it, the first content
// line at or left of the dash ends it. Comment and blank lines only count when more content
// of the item follows them, so a comment above the next key stays above it.
int lastLineOfItem(const Text &text, int startLine, int dashColumn)
{
    int last = startLine;
    for (int l = startLine + 1; l < text.lineCount(); ++l) {
        const QByteArray line = text.line(l);
        if (isBlankOrComment(line))
            continue;
        if (indentOf(line) > dashColumn) {
            last = l;
            continue;
        }
        break;
    }
    return last;
}

// The column of the '-' that starts the block-sequence item whose content begins at
// (line, column); -1 when there is none on that line.
int dashColumnOf(const Text &text, int line, int column)
{
    const QByteArray l = text.line(line);
    for (int c = std::min(column, int(l.size())) - 1; c >= 0; --c) {
        if (l.at(c) == '-')
            return c;
        if (l.at(c) != ' ')
            return -1;
    }
    return -1;
}

// Offset of the bracket closing the flow collection that opens at `open` ('[' or '{'),
// skipping quoted scalars and comments; -1 when unbalanced.
int matchingBracket(const QByteArray &b, int open)
{
    int depth = 0;
    for (int i = open; i < b.size(); ++i) {
        const char c = b.at(i);
        if (c == '"') {
            for (++i; i < b.size() && b.at(i) != '"'; ++i)
                if (b.at(i) == '\\')
                    ++i;
        } else if (c == '\'') {
            for (++i; i < b.size(); ++i) {
                if (b.at(i) == '\'') {
                    if (i + 1 < b.size() && b.at(i + 1) == '\'')
                        ++i;
                    else
                        break;
                }
            }
        } else if (c == '#' && i > 0 && (b.at(i - 1) == ' ' || b.at(i - 1) == '\t')) {
            while (i < b.size() && b.at(i) != '\n')
                ++i;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

// Last non-whitespace byte before `close` after `open`; `open` itself when the collection is
// empty.
int lastContentBefore(const QByteArray &b, int open, int close)
{
    for (int i = close - 1; i > open; --i)
        if (b.at(i) != ' ' && b.at(i) != '\t' && b.at(i) != '\n' && b.at(i) != '\r')
            return i;
    return open;
}

bool markBefore(const YAML::Mark &a, const YAML::Mark &b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

QString scalarOf(const YAML::Node &n)
{
    return n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

ConfigWriteResult failure(const QString &file, int line, const QString &text)
{
    ConfigWriteResult r;
    r.file = file;
    r.line = line;
    r.message = (line > 0 ? file + QLatin1Char(':') + QString::number(line) : file)
            + QStringLiteral(": ") + text;
    qCInfo(lcConfigWriter).noquote() << r.message;
    return r;
}

// The entry's keys as "key: value" texts, in the order they are written.
QStringList entryFields(const NewTagRequest &req, const YAML::Node &defaultMqtt)
{
    QStringList fields;
    fields << QStringLiteral("name: ") + ConfigWriter::yamlScalar(req.name);
    if (!req.description.isEmpty())
        fields << QStringLiteral("description: ") + ConfigWriter::yamlScalar(req.description);
    if (req.kind != TagKind::Analog)
        fields << QStringLiteral("kind: ") + tagKindName(req.kind);
    if (!req.unit.isEmpty())
        fields << QStringLiteral("unit: ") + ConfigWriter::yamlScalar(req.unit);
    if (req.decimals >= 0)
        fields << QStringLiteral("decimals: ") + QString::number(req.decimals);
    if (req.mqtt) {
        const MqttBinding &b = *req.mqtt;
        const auto byDefault = [&](const char *key) {
            return defaultMqtt.IsMap() && defaultMqtt[key].IsDefined();
        };
        QStringList m;
        m << QStringLiteral("connection: ") + ConfigWriter::yamlScalar(b.connection);
        m << QStringLiteral("topic: ") + ConfigWriter::yamlScalar(b.topic);
        m << QStringLiteral("format: ") + payloadFormatName(b.format);
        const auto pointer = [&](const char *key, const QString &value) {
            if (!value.isEmpty() || byDefault(key))
                m << QLatin1String(key) + QStringLiteral(": ") + ConfigWriter::yamlScalar(value);
        };
        pointer("value", b.valuePointer);
        pointer("timestamp", b.timestampPointer);
        pointer("quality", b.qualityPointer);
        if (b.scale != 1.0 || byDefault("scale"))
            m << QStringLiteral("scale: ") + number(b.scale);
        if (b.offset != 0.0 || byDefault("offset"))
            m << QStringLiteral("offset: ") + number(b.offset);
        fields << QStringLiteral("mqtt: { ") + m.join(QStringLiteral(", ")) + QStringLiteral(" }");
    } else if (req.sparkplug) {
        const SparkplugBinding &s = *req.sparkplug;
        QStringList m;
        m << QStringLiteral("connection: ") + ConfigWriter::yamlScalar(s.connection);
        m << QStringLiteral("group: ") + ConfigWriter::yamlScalar(s.group);
        m << QStringLiteral("node: ") + ConfigWriter::yamlScalar(s.node);
        if (!s.device.isEmpty())
            m << QStringLiteral("device: ") + ConfigWriter::yamlScalar(s.device);
        m << QStringLiteral("metric: ") + ConfigWriter::yamlScalar(s.metric);
        fields << QStringLiteral("sparkplug: { ") + m.join(QStringLiteral(", "))
                        + QStringLiteral(" }");
    }
    return fields;
}

QString flowEntry(const QStringList &fields)
{
    return QStringLiteral("{ ") + fields.join(QStringLiteral(", ")) + QStringLiteral(" }");
}

// Block-style item: "- first" then the other keys aligned under it.
QByteArray blockEntry(const QStringList &fields, int dashColumn, int keyColumn,
                      const QByteArray &nl)
{
    QByteArray out;
    for (int i = 0; i < fields.size(); ++i) {
        if (i == 0)
            out += QByteArray(dashColumn, ' ') + '-' + QByteArray(keyColumn - dashColumn - 1, ' ');
        else
            out += QByteArray(keyColumn, ' ');
        out += fields[i].toUtf8() + nl;
    }
    return out;
}

bool sameBinding(const MqttBinding &a, const MqttBinding &b)
{
    return a.connection == b.connection && a.topic == b.topic && a.format == b.format
            && a.valuePointer == b.valuePointer && a.timestampPointer == b.timestampPointer
            && a.qualityPointer == b.qualityPointer && a.scale == b.scale && a.offset == b.offset;
}

bool sameBinding(const SparkplugBinding &a, const SparkplugBinding &b)
{
    return a.connection == b.connection && a.group == b.group && a.node == b.node
            && a.device == b.device && a.metric == b.metric;
}

// The first error of a configuration that did not load, for messages.
const ConfigMessage *firstError(const ConfigResult &r)
{
    for (const ConfigMessage &m : r.messages)
        if (m.severity == ConfigMessage::Severity::Error)
            return &m;
    return nullptr;
}

// Copies `original` to `<path>.bak`, then replaces `path` with `updated` atomically
// (QSaveFile); `r` is the successful result of the text edit.
ConfigWriteResult writeWithBackup(const QString &path, const QByteArray &original,
                                  const QByteArray &updated, ConfigWriteResult r)
{
    const QString backup = path + QStringLiteral(".bak");
    {
        QSaveFile bak(backup);
        if (!bak.open(QIODevice::WriteOnly) || bak.write(original) != original.size()
            || !bak.commit())
            return failure(path, 0,
                           QStringLiteral("cannot write the backup %1: %2; nothing was changed")
                                   .arg(backup, bak.errorString()));
    }
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly) || save.write(updated) != updated.size()
        || !save.commit())
        return failure(path, 0,
                       QStringLiteral("cannot write the file: %1; nothing was changed")
                               .arg(save.errorString()));
    r.backupFile = backup;
    qCInfo(lcConfigWriter).noquote() << r.message << QStringLiteral("(backup: %1)").arg(backup);
    return r;
}

// End (exclusive) of the scalar that starts at `start`: a quoted one after its closing
// quote (-1 when unterminated); a plain one before a comment, the line end, or (in a flow
// collection) a ',', '}' or ']'.
int scalarEnd(const QByteArray &b, int start, bool flow)
{
    if (start < b.size() && (b.at(start) == '"' || b.at(start) == '\'')) {
        const char quote = b.at(start);
        for (int i = start + 1; i < b.size(); ++i) {
            if (quote == '"' && b.at(i) == '\\') {
                ++i;
            } else if (b.at(i) == quote) {
                if (quote == '\'' && i + 1 < b.size() && b.at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }
    int i = start;
    while (i < b.size()) {
        const char c = b.at(i);
        if (c == '\n' || c == '\r')
            break;
        if (flow && (c == ',' || c == '}' || c == ']'))
            break;
        if (c == '#' && i > start && (b.at(i - 1) == ' ' || b.at(i - 1) == '\t'))
            break;
        ++i;
    }
    while (i > start && (b.at(i - 1) == ' ' || b.at(i - 1) == '\t'))
        --i;
    return i;
}

// The map of the `alarms:` item named `name` starting on 1-based `line`, else the only item
// with that name; `candidates` counts the items with that name.
std::optional<YAML::Node> findAlarmEntry(const YAML::Node &root, int line, const QString &name,
                                         int *candidates)
{
    *candidates = 0;
    const YAML::Node alarms = root.IsMap() ? root["alarms"] : YAML::Node();
    if (!alarms.IsSequence())
        return std::nullopt;
    std::optional<YAML::Node> atLine, byName;
    for (const YAML::Node &item : alarms) {
        if (!item.IsMap() || scalarOf(item["name"]) != name)
            continue;
        ++*candidates;
        if (int(item.Mark().line) + 1 == line && !atLine)
            atLine.emplace(item);
        if (!byName)
            byName.emplace(item);
    }
    if (atLine)
        return atLine;
    if (*candidates == 1)
        return byName;
    return std::nullopt;
}

} // namespace

QString ConfigWriter::yamlScalar(const QString &text)
{
    // Plain when it cannot be mistaken for anything else: safe characters only, not starting
    // with an indicator, not a word YAML 1.1 reads as a boolean/null, not a number (a string
    // field would keep it, but quoting says what is meant).
    static const QRegularExpression plain(
            QStringLiteral("^[A-Za-z_/.(°][A-Za-z0-9_ ./()°%+-]*$"));
    static const QRegularExpression reserved(
            QStringLiteral("^(?:y|n|yes|no|on|off|true|false|null|~)$"),
            QRegularExpression::CaseInsensitiveOption);
    if (!text.isEmpty() && plain.match(text).hasMatch() && !reserved.match(text).hasMatch()
        && !text.endsWith(QLatin1Char(' ')) && !text.contains(QStringLiteral(" #"))) {
        return text;
    }
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

ConfigWriteResult ConfigWriter::insertTag(const QByteArray &yaml, const QString &fileName,
                                          const QString &baseDir, const NewTagRequest &req,
                                          QByteArray *out)
{
    const QString &file = fileName;
    if (!segmentPattern().match(req.name).hasMatch())
        return failure(file, 0,
                       QStringLiteral("tag name '%1' is not a path segment (letters, digits, "
                                      "'_' and '-' only)")
                               .arg(req.name));
    if (bool(req.mqtt) == bool(req.sparkplug))
        return failure(file, 0, QStringLiteral("a new tag needs exactly one binding (MQTT or "
                                               "Sparkplug B)"));

    // The file as it is must load: a binding is never written into a broken configuration.
    const ConfigResult before = ConfigLoader::loadString(yaml, fileName, baseDir);
    if (!before.ok()) {
        const ConfigMessage *first = nullptr;
        for (const ConfigMessage &m : before.messages)
            if (m.severity == ConfigMessage::Severity::Error && !first)
                first = &m;
        return failure(file, first ? first->line : 0,
                       QStringLiteral("the configuration has errors; fix them first: ")
                               + (first ? first->text : QStringLiteral("cannot load it")));
    }
    const QString tagPath = req.machinePath + QLatin1Char('/') + req.name;

    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const std::exception &e) {
        return failure(file, 0, QString::fromUtf8(e.what()));
    }

    // Find the machine's map by walking sites > areas > lines > machines by name.
    const QString enterprise = scalarOf(root["plant"]["enterprise"]);
    // (std::optional: assigning to a yaml-cpp Node that already refers to a node overwrites
    // that node's content instead of rebinding the handle.)
    std::optional<YAML::Node> machineRef;
    const auto children = [](const YAML::Node &n, const char *key) {
        const YAML::Node c = n.IsMap() ? n[key] : YAML::Node();
        return c.IsSequence() ? c : YAML::Node(YAML::NodeType::Sequence);
    };
    for (const YAML::Node &site : children(root, "sites"))
        for (const YAML::Node &area : children(site, "areas"))
            for (const YAML::Node &line : children(area, "lines"))
                for (const YAML::Node &m : children(line, "machines")) {
                    const QString path = QStringList{ enterprise, scalarOf(site["name"]),
                                                      scalarOf(area["name"]),
                                                      scalarOf(line["name"]),
                                                      scalarOf(m["name"]) }
                                                 .join(QLatin1Char('/'));
                    if (path == req.machinePath && !machineRef)
                        machineRef.emplace(m);
                }
    if (!machineRef || !machineRef->IsMap())
        return failure(file, 0, QStringLiteral("no machine '%1' in this configuration")
                                        .arg(req.machinePath));

    const YAML::Node machine = *machineRef;
    std::optional<YAML::Node> tagsKeyRef, tagsRef;
    for (const auto &kv : machine) {
        if (kv.first.Scalar() == "tags" && !tagsKeyRef) {
            tagsKeyRef.emplace(kv.first);
            tagsRef.emplace(kv.second);
        }
    }
    const YAML::Node tags = tagsRef ? *tagsRef : YAML::Node(YAML::NodeType::Undefined);

    if (before.model->tagByPath(tagPath)) {
        int line = 0;
        if (tags.IsSequence())
            for (const YAML::Node &t : tags)
                if (t.IsMap() && scalarOf(t["name"]) == req.name)
                    line = t.Mark().line + 1;
        return failure(file, line,
                       QStringLiteral("machine '%1' already has a tag named '%2'; choose "
                                      "another name")
                               .arg(req.machinePath, req.name));
    }
    if (before.model->tagIndex.contains(tagPath))
        return failure(file, 0, QStringLiteral("'%1' is already used").arg(tagPath));

    const Text text(yaml);
    const QByteArray nl = text.newline();
    const QStringList fields = entryFields(req, root["default_mqtt"]);
    QByteArray result = yaml;
    int insertedLine = -1; // 0-based line of the new entry in the result

    if (tagsKeyRef) {
        const YAML::Mark keyMark = tagsKeyRef->Mark();
        if (tags.IsDefined() && !tags.IsNull() && markBefore(tags.Mark(), keyMark))
            return failure(file, keyMark.line + 1,
                           QStringLiteral("the tags of machine '%1' are a YAML alias of another "
                                          "machine's list (line %2); adding a tag there would "
                                          "add it to every machine that shares the list. Give "
                                          "the machine its own tags list first")
                                   .arg(req.machinePath)
                                   .arg(tags.Mark().line + 1));
        if (tags.IsDefined() && !tags.IsNull()) {
            const int valueAt = text.offset(tags.Mark().line, tags.Mark().column);
            if (valueAt < yaml.size() && yaml.at(valueAt) == '&') {
                int end = valueAt + 1;
                while (end < yaml.size() && yaml.at(end) != ' ' && yaml.at(end) != '\n'
                       && yaml.at(end) != '\r' && yaml.at(end) != '[')
                    ++end;
                const QByteArray anchor = yaml.mid(valueAt + 1, end - valueAt - 1);
                if (yaml.contains(QByteArray('*' + anchor)))
                    return failure(file, keyMark.line + 1,
                                   QStringLiteral("the tags of machine '%1' are the YAML anchor "
                                                  "&%2, reused by other machines (*%2); adding a "
                                                  "tag there would add it to all of them. Give "
                                                  "the machine its own tags list first")
                                           .arg(req.machinePath, QString::fromUtf8(anchor)));
            }
        }
        if (!tags.IsDefined() || tags.IsNull()) {
            // `tags:` with nothing after it: the list starts on the next line.
            const QByteArray keyLine = text.line(keyMark.line);
            const int colon = keyLine.indexOf(':', keyMark.column);
            if (colon < 0 || !isBlankOrComment(keyLine.mid(colon + 1)))
                return failure(file, keyMark.line + 1,
                               QStringLiteral("cannot add to 'tags' here: expected a list"));
            const int dash = keyMark.column + 2;
            const QByteArray entry = blockEntry(fields, dash, dash + 2, nl);
            const int at = text.lineEnd(keyMark.line);
            result.insert(at, (at == yaml.size() && !yaml.endsWith('\n') ? nl : QByteArray())
                                      + entry);
            insertedLine = keyMark.line + 1;
        } else if (!tags.IsSequence()) {
            return failure(file, tags.Mark().line + 1,
                           QStringLiteral("'tags' of machine '%1' is not a list")
                                   .arg(req.machinePath));
        } else if (tags.Style() == YAML::EmitterStyle::Flow) {
            int open = text.offset(tags.Mark().line, tags.Mark().column);
            if (yaml.at(open) == '&')
                open = yaml.indexOf('[', open);
            const int close = open >= 0 ? matchingBracket(yaml, open) : -1;
            if (close < 0)
                return failure(file, tags.Mark().line + 1,
                               QStringLiteral("cannot find the end of the tags list"));
            const int last = lastContentBefore(yaml, open, close);
            QByteArray insert;
            if (last == open)
                insert = ' ' + flowEntry(fields).toUtf8() + ' ';
            else if (yaml.at(last) == ',')
                insert = ' ' + flowEntry(fields).toUtf8();
            else
                insert = ", " + flowEntry(fields).toUtf8();
            const int at = last == open ? open + 1 : last + 1;
            result.insert(at, insert);
            insertedLine = text.lineOf(at);
        } else {
            // Block list: after the last item, in that item's style and indentation.
            const YAML::Node lastItem = tags[tags.size() - 1];
            const YAML::Mark im = lastItem.Mark();
            int dash = dashColumnOf(text, im.line, im.column);
            if (dash < 0)
                return failure(file, im.line + 1,
                               QStringLiteral("cannot tell the indentation of the tags list"));
            const int endLine = lastLineOfItem(text, im.line, dash);
            QByteArray entry;
            if (lastItem.IsMap() && lastItem.Style() != YAML::EmitterStyle::Flow)
                entry = blockEntry(fields, dash, im.column, nl);
            else
                entry = QByteArray(dash, ' ') + "- " + flowEntry(fields).toUtf8() + nl;
            const int at = text.lineEnd(endLine);
            result.insert(at, (at == yaml.size() && !yaml.endsWith('\n') ? nl : QByteArray())
                                      + entry);
            insertedLine = endLine + 1;
        }
    } else if (machine.Style() == YAML::EmitterStyle::Flow) {
        // `- { name: m, ... }`: add ", tags: [ {...} ]" before the closing brace.
        int open = text.offset(machine.Mark().line, machine.Mark().column);
        if (yaml.at(open) != '{')
            open = yaml.lastIndexOf('{', open);
        const int close = open >= 0 ? matchingBracket(yaml, open) : -1;
        if (close < 0)
            return failure(file, machine.Mark().line + 1,
                           QStringLiteral("cannot find the end of machine '%1'")
                                   .arg(req.machinePath));
        const int last = lastContentBefore(yaml, open, close);
        const QByteArray insert = (yaml.at(last) == ',' ? "" : ",") + QByteArray(" tags: [ ")
                + flowEntry(fields).toUtf8() + " ]";
        result.insert(last + 1, insert);
        insertedLine = text.lineOf(last + 1);
    } else {
        // Block machine without tags: a `tags:` key after its last line.
        const YAML::Mark mm = machine.Mark();
        int dash = dashColumnOf(text, mm.line, mm.column);
        if (dash < 0)
            dash = std::max(0, mm.column - 2);
        const int endLine = lastLineOfItem(text, mm.line, dash);
        const QByteArray entry = QByteArray(mm.column, ' ') + "tags:" + nl
                + blockEntry(fields, mm.column + 2, mm.column + 4, nl);
        const int at = text.lineEnd(endLine);
        result.insert(at, (at == yaml.size() && !yaml.endsWith('\n') ? nl : QByteArray())
                                  + entry);
        insertedLine = endLine + 2;
    }

    // The result must load, and must contain the tag with exactly the requested binding.
    const ConfigResult after = ConfigLoader::loadString(result, fileName, baseDir);
    if (!after.ok()) {
        for (const ConfigMessage &m : after.messages)
            if (m.severity == ConfigMessage::Severity::Error)
                return failure(file, m.line,
                               QStringLiteral("the new tag would make the configuration "
                                              "invalid, nothing was changed: ")
                                       + m.text);
        return failure(file, insertedLine + 1,
                       QStringLiteral("the new tag would make the configuration invalid"));
    }
    const TagDef *tag = after.model->tagByPath(tagPath);
    bool same = tag && tag->kind == req.kind && tag->unit == req.unit
            && bool(tag->mqtt) == bool(req.mqtt) && bool(tag->sparkplug) == bool(req.sparkplug);
    if (same && req.mqtt)
        same = sameBinding(*tag->mqtt, *req.mqtt);
    if (same && req.sparkplug)
        same = sameBinding(*tag->sparkplug, *req.sparkplug);
    if (!same)
        return failure(file, insertedLine + 1,
                       QStringLiteral("the written entry does not read back as the requested "
                                      "binding; nothing was changed"));

    *out = result;
    ConfigWriteResult ok;
    ok.ok = true;
    ok.file = file;
    ok.line = insertedLine + 1;
    ok.tagPath = tagPath;
    ok.message = file + QLatin1Char(':') + QString::number(ok.line)
            + QStringLiteral(": added tag ") + tagPath;
    return ok;
}

ConfigWriteResult ConfigWriter::addTag(const QString &path, const NewTagRequest &request)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return failure(path, 0, QStringLiteral("cannot read the file: ") + in.errorString());
    const QByteArray original = in.readAll();
    in.close();

    QByteArray updated;
    ConfigWriteResult r = insertTag(original, path, QFileInfo(path).absolutePath(), request,
                                    &updated);
    if (!r.ok)
        return r;

    return writeWithBackup(path, original, updated, r);
}

ConfigWriteResult ConfigWriter::setAlarmFieldsInText(const QByteArray &yaml,
                                                     const QString &fileName,
                                                     const QString &baseDir, int line,
                                                     const QString &name,
                                                     const AlarmFieldValues &fields,
                                                     QByteArray *out)
{
    const QString &file = fileName;
    static const QStringList allowed{ QStringLiteral("limit"),      QStringLiteral("setpoint"),
                                      QStringLiteral("deadband"),   QStringLiteral("on_delay_s"),
                                      QStringLiteral("off_delay_s"), QStringLiteral("priority") };
    static const QRegularExpression numberText(
            QStringLiteral("^-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"));
    if (fields.empty())
        return failure(file, line, QStringLiteral("no alarm setting to write"));
    QStringList keys;
    for (const auto &[key, value] : fields) {
        if (!allowed.contains(key) || keys.contains(key))
            return failure(file, line,
                           QStringLiteral("'%1' is not an alarm setting that can be written here "
                                          "(%2)")
                                   .arg(key, allowed.join(QStringLiteral(", "))));
        if (!numberText.match(value).hasMatch())
            return failure(file, line,
                           QStringLiteral("%1: '%2' is not a number").arg(key, value));
        keys << key;
    }

    // The file as it is must load: nothing is written into a broken configuration.
    const ConfigResult before = ConfigLoader::loadString(yaml, fileName, baseDir);
    if (!before.ok()) {
        const ConfigMessage *first = firstError(before);
        return failure(file, first ? first->line : 0,
                       QStringLiteral("the configuration has errors; fix them first: ")
                               + (first ? first->text : QStringLiteral("cannot load it")));
    }
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const std::exception &e) {
        return failure(file, 0, QString::fromUtf8(e.what()));
    }
    int candidates = 0;
    const std::optional<YAML::Node> found = findAlarmEntry(root, line, name, &candidates);
    if (!found)
        return failure(file, line,
                       candidates == 0
                               ? QStringLiteral("no alarm entry named '%1' under 'alarms'; was "
                                                "the file changed?")
                                         .arg(name)
                               : QStringLiteral("%1 alarm entries are named '%2' and none starts "
                                                "on line %3; was the file changed?")
                                         .arg(candidates)
                                         .arg(name)
                                         .arg(line));
    const YAML::Node entry = *found;
    const bool flow = entry.Style() == YAML::EmitterStyle::Flow;
    const int entryLine = int(entry.Mark().line) + 1;

    const Text text(yaml);
    const QByteArray nl = text.newline();
    struct Edit
    {
        int offset;
        int remove;
        QByteArray insert;
    };
    std::vector<Edit> edits;
    QStringList missing;
    for (const auto &[key, value] : fields) {
        std::optional<YAML::Node> valueRef;
        for (const auto &kv : entry)
            if (!valueRef && kv.first.IsScalar() && kv.first.Scalar() == key.toStdString())
                valueRef.emplace(kv.second);
        if (!valueRef) {
            missing << key + QStringLiteral(": ") + value;
            continue;
        }
        if (!valueRef->IsScalar())
            return failure(file, int(valueRef->Mark().line) + 1,
                           QStringLiteral("'%1' of alarm '%2' is not a single value")
                                   .arg(key, name));
        const int start = text.offset(valueRef->Mark().line, valueRef->Mark().column);
        const int end = scalarEnd(yaml, start, flow);
        if (end < start)
            return failure(file, int(valueRef->Mark().line) + 1,
                           QStringLiteral("cannot find the end of '%1'").arg(key));
        edits.push_back({ start, end - start, value.toUtf8() });
    }
    if (!missing.isEmpty()) {
        const YAML::Mark im = entry.Mark();
        if (flow) {
            int open = text.offset(im.line, im.column);
            if (open >= yaml.size() || yaml.at(open) != '{')
                open = yaml.lastIndexOf('{', open);
            const int close = open >= 0 ? matchingBracket(yaml, open) : -1;
            if (close < 0)
                return failure(file, entryLine,
                               QStringLiteral("cannot find the end of alarm '%1'").arg(name));
            const int last = lastContentBefore(yaml, open, close);
            const QByteArray joined = missing.join(QStringLiteral(", ")).toUtf8();
            QByteArray insert;
            if (last == open)
                insert = ' ' + joined + ' ';
            else
                insert = (yaml.at(last) == ',' ? QByteArray(" ") : QByteArray(", ")) + joined;
            edits.push_back({ last + 1, 0, insert });
        } else {
            const int dash = dashColumnOf(text, im.line, im.column);
            if (dash < 0)
                return failure(file, entryLine,
                               QStringLiteral("cannot tell the indentation of alarm '%1'")
                                       .arg(name));
            const int endLine = lastLineOfItem(text, im.line, dash);
            const int at = text.lineEnd(endLine);
            QByteArray insert = at == yaml.size() && !yaml.endsWith('\n') ? nl : QByteArray();
            for (const QString &m : std::as_const(missing))
                insert += QByteArray(im.column, ' ') + m.toUtf8() + nl;
            edits.push_back({ at, 0, insert });
        }
    }
    std::sort(edits.begin(), edits.end(),
              [](const Edit &a, const Edit &b) { return a.offset > b.offset; });
    QByteArray result = yaml;
    for (const Edit &e : edits)
        result.replace(e.offset, e.remove, e.insert);

    // The result must load, and the entry must read back with exactly these values.
    const ConfigResult after = ConfigLoader::loadString(result, fileName, baseDir);
    if (!after.ok()) {
        const ConfigMessage *first = firstError(after);
        ConfigWriteResult r = failure(
                file, first ? first->line : entryLine,
                QStringLiteral("the new settings would make the configuration invalid, "
                               "nothing was changed: ")
                        + (first ? first->text : QStringLiteral("cannot load it")));
        r.rejected = true;
        return r;
    }
    bool same = false;
    try {
        int n = 0;
        const std::optional<YAML::Node> back
                = findAlarmEntry(YAML::Load(result.toStdString()), entryLine, name, &n);
        same = bool(back);
        for (const auto &[key, value] : fields)
            same = same && scalarOf(std::as_const(*back)[key.toStdString()]) == value;
    } catch (const std::exception &) {
        same = false;
    }
    if (!same)
        return failure(file, entryLine,
                       QStringLiteral("the edited alarm entry does not read back as requested; "
                                      "nothing was changed"));
    *out = result;
    ConfigWriteResult ok;
    ok.ok = true;
    ok.file = file;
    ok.line = entryLine;
    ok.message = file + QLatin1Char(':') + QString::number(entryLine)
            + QStringLiteral(": alarm '%1': ").arg(name) + keys.join(QStringLiteral(", "))
            + QStringLiteral(" set");
    return ok;
}

ConfigWriteResult ConfigWriter::setAlarmFields(const QString &path, int line, const QString &name,
                                               const AlarmFieldValues &fields)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return failure(path, 0, QStringLiteral("cannot read the file: ") + in.errorString());
    const QByteArray original = in.readAll();
    in.close();
    QByteArray updated;
    const ConfigWriteResult r = setAlarmFieldsInText(
            original, path, QFileInfo(path).absolutePath(), line, name, fields, &updated);
    if (!r.ok)
        return r;
    return writeWithBackup(path, original, updated, r);
}

} // namespace andon
