#include "connectors/mqtt/payload_decoder.h"
#include "connectors/mqtt/payload_presets.h"
#include "core/analog_signal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>
#include <optional>

namespace andon::mqtt {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Epoch numbers above this are milliseconds (1e11 ms = 1973; 1e11 s = year 5138).
constexpr double kEpochMsThreshold = 1e11;
constexpr int kQuoteMax = 40; // how much of a bad payload an error message shows

QString hashKey(const QString &connection, const QString &topic)
{
    return connection % QLatin1Char('\n') % topic;
}

// MQTT 3.1.1 §4.7: '+' matches exactly one level, '#' (last) matches the parent level and
// everything below; filters starting with a wildcard never match topics starting with '$'.
bool topicMatches(QStringView filter, QStringView topic)
{
    if (filter.isEmpty() || topic.isEmpty())
        return false;
    if (topic.startsWith(QLatin1Char('$')) && (filter.startsWith(QLatin1Char('+'))
                                               || filter.startsWith(QLatin1Char('#'))))
        return false;
    qsizetype fi = 0;
    qsizetype ti = 0;
    const qsizetype fn = filter.size();
    const qsizetype tn = topic.size();
    while (true) {
        // current filter level [fi, fe), topic level [ti, te)
        qsizetype fe = filter.indexOf(QLatin1Char('/'), fi);
        if (fe < 0)
            fe = fn;
        const QStringView flevel = filter.mid(fi, fe - fi);
        if (flevel == u"#")
            return fe == fn; // '#' must be the last level
        if (ti > tn)
            return false; // topic exhausted but filter has more levels
        qsizetype te = topic.indexOf(QLatin1Char('/'), ti);
        if (te < 0)
            te = tn;
        const QStringView tlevel = topic.mid(ti, te - ti);
        if (flevel != u"+" && flevel != tlevel)
            return false;
        const bool filterDone = fe == fn;
        const bool topicDone = te == tn;
        if (filterDone && topicDone)
            return true;
        if (filterDone)
            return false;
        if (topicDone) {
            // "a/#" matches "a": only a trailing "#" may follow.
            return filter.mid(fe + 1) == u"#";
        }
        fi = fe + 1;
        ti = te + 1;
    }
}

// A short, printable quote of untrusted bytes for error messages.
QString quote(const QByteArray &raw)
{
    QString text = QString::fromUtf8(raw.left(kQuoteMax * 4));
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), kQuoteMax) + 2);
    qsizetype n = 0;
    for (const QChar ch : std::as_const(text)) {
        if (n++ >= kQuoteMax) {
            out += QStringLiteral("...");
            break;
        }
        out += ch.isPrint() ? ch : QChar(u'?');
    }
    return QLatin1Char('"') % out % QLatin1Char('"');
}

QString quote(const QString &text)
{
    return quote(text.toUtf8());
}

bool parseNumber(QByteArrayView text, double *out)
{
    const QByteArray trimmed = text.trimmed().toByteArray();
    if (trimmed.isEmpty())
        return false;
    bool ok = false;
    const double v = trimmed.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false; // "nan"/"inf" are not measurements
    *out = v;
    return true;
}

bool parseBoolWord(QByteArrayView text, double *out)
{
    const QByteArray t = text.trimmed().toByteArray().toLower();
    if (t == "true" || t == "on" || t == "1") {
        *out = 1.0;
        return true;
    }
    if (t == "false" || t == "off" || t == "0") {
        *out = 0.0;
        return true;
    }
    return false;
}

bool stateCode(const PlantModel &model, const TagDef &tag, const QString &name, double *out)
{
    if (tag.machine < 0 || tag.machine >= static_cast<int>(model.machines.size()))
        return false;
    const Machine &m = model.machines[static_cast<size_t>(tag.machine)];
    const QString trimmed = name.trimmed();
    for (const StateDef &s : m.states) {
        if (s.name == trimmed) {
            *out = s.code;
            return true;
        }
    }
    for (const StateDef &s : m.states) { // devices disagree on case; names are unique anyway
        if (s.name.compare(trimmed, Qt::CaseInsensitive) == 0) {
            *out = s.code;
            return true;
        }
    }
    return false;
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("bool");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString describe(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("string ") + quote(v.toString());
    return typeName(v);
}

// The parsed payload, shared by every binding on the same message.
struct ParsedJson
{
    bool done = false;
    QJsonValue root;
    QString error;
};

void parseJson(const QByteArray &payload, ParsedJson *p)
{
    p->done = true;
    if (payload.trimmed().isEmpty()) {
        p->error = QStringLiteral("JSON parse error: empty payload");
        return;
    }
    // QJsonDocument only accepts an object or array at the top; a bare scalar payload
    // ("21.5", "true") is valid JSON (RFC 8259), so it is parsed inside an array.
    qsizetype first = 0;
    while (first < payload.size() && QChar::isSpace(static_cast<uchar>(payload[first])))
        ++first;
    const bool container = first < payload.size()
            && (payload[first] == '{' || payload[first] == '[');
    const QByteArray text = container ? payload : ('[' + payload + ']');
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &err);
    if (err.error != QJsonParseError::NoError || doc.isNull()) {
        int offset = err.offset;
        if (!container)
            offset = std::clamp<int>(offset - 1, 0, static_cast<int>(payload.size()));
        p->error = QStringLiteral("JSON parse error at offset %1: %2")
                           .arg(offset)
                           .arg(err.errorString());
        return;
    }
    if (container)
        p->root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    else if (doc.array().size() == 1)
        p->root = doc.array().at(0);
    else
        p->error = QStringLiteral("JSON parse error at offset 0: not a single JSON value");
}

// RFC 6901 JSON Pointer. Returns nullopt with `error` set when it does not resolve.
std::optional<QJsonValue> resolvePointer(const QJsonValue &root, const QString &pointer,
                                         QString *error)
{
    if (pointer.isEmpty())
        return root;
    if (!pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("%1: invalid JSON pointer (must start with '/')").arg(pointer);
        return std::nullopt;
    }
    QJsonValue cur = root;
    const QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (const QString &raw : tokens) {
        // One left-to-right pass (RFC 6901 §4): "~01" becomes "~1", never "/".
        QString token;
        token.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != QLatin1Char('~')) {
                token += raw[i];
                continue;
            }
            if (i + 1 < raw.size() && raw[i + 1] == QLatin1Char('0'))
                token += QLatin1Char('~');
            else if (i + 1 < raw.size() && raw[i + 1] == QLatin1Char('1'))
                token += QLatin1Char('/');
            else {
                *error = QStringLiteral("%1: invalid JSON pointer (bad '~' escape)").arg(pointer);
                return std::nullopt;
            }
            ++i;
        }
        if (cur.isObject()) {
            const QJsonObject obj = cur.toObject();
            const auto it = obj.constFind(token);
            if (it == obj.constEnd()) {
                *error = pointer + QStringLiteral(": missing");
                return std::nullopt;
            }
            cur = it.value();
        } else if (cur.isArray()) {
            const QJsonArray arr = cur.toArray();
            bool ok = !token.isEmpty() && (token.size() == 1 || token[0] != QLatin1Char('0'));
            for (const QChar ch : token)
                ok = ok && ch.isDigit() && ch.unicode() < 128;
            const qlonglong index = ok ? token.toLongLong(&ok) : -1;
            if (!ok) {
                *error = QStringLiteral("%1: expected an array index, got %2")
                                 .arg(pointer, quote(token));
                return std::nullopt;
            }
            if (index >= arr.size()) {
                *error = QStringLiteral("%1: missing (array index %2 out of range, size %3)")
                                 .arg(pointer)
                                 .arg(index)
                                 .arg(arr.size());
                return std::nullopt;
            }
            cur = arr.at(static_cast<qsizetype>(index));
        } else {
            *error = pointer + QStringLiteral(": missing");
            return std::nullopt;
        }
    }
    return cur;
}

bool applyScale(const MqttBinding &b, double raw, double *out, QString *error,
                const QString &what)
{
    const double v = raw * b.scale + b.offset;
    if (!std::isfinite(v)) {
        *error = what + QStringLiteral(": value out of range after scale/offset");
        return false;
    }
    *out = v;
    return true;
}

} // namespace

PayloadDecoder::PayloadDecoder(std::shared_ptr<const PlantModel> model) : m_model(std::move(model))
{
    if (!m_model)
        return;
    for (const TagDef &tag : m_model->tags) {
        if (!tag.mqtt || tag.mqtt->topic.isEmpty())
            continue;
        Entry e;
        e.connection = tag.mqtt->connection;
        e.filter = tag.mqtt->topic;
        e.wildcard = e.filter.contains(QLatin1Char('+')) || e.filter.contains(QLatin1Char('#'));
        e.tag = tag.id;
        const int index = static_cast<int>(m_entries.size());
        m_entries.push_back(e);
        if (!e.wildcard)
            m_exact[hashKey(e.connection, e.filter)].push_back(index);
    }
}

QStringList PayloadDecoder::topicFilters(const QString &connectionId) const
{
    QStringList out;
    for (const Entry &e : m_entries) {
        if (e.connection == connectionId && !out.contains(e.filter))
            out.push_back(e.filter);
    }
    return out;
}

DecodeResult PayloadDecoder::decode(const QString &connectionId, const QString &topic,
                                    const QByteArray &payload, TimestampMs receivedMs) const
{
    DecodeResult result;
    if (!m_model)
        return result;

    std::vector<int> matches;
    const auto exact = m_exact.constFind(hashKey(connectionId, topic));
    if (exact != m_exact.constEnd())
        matches = exact.value();
    for (int i = 0; i < static_cast<int>(m_entries.size()); ++i) {
        const Entry &e = m_entries[static_cast<size_t>(i)];
        if (e.wildcard && e.connection == connectionId && topicMatches(e.filter, topic))
            matches.push_back(i);
    }
    if (matches.empty())
        return result;

    ParsedJson json;
    result.samples.reserve(matches.size());
    for (const int index : matches) {
        const Entry &e = m_entries[static_cast<size_t>(index)];
        if (e.tag >= m_model->tags.size())
            continue;
        const TagDef &tag = m_model->tags[e.tag];
        const MqttBinding &b = *tag.mqtt;
        Sample s;
        s.tag = e.tag;
        s.t_ms = receivedMs;
        s.q = Quality::Good;
        QString error;
        bool ok = false;
        double raw = 0.0;
        Quality failure = Quality::BadDecodeError; // the quality of a sample without a value

        if (b.preset) {
            // A fixed source format (LoRaWAN, IO-Link, edge gateway): connectors/mqtt/payload_presets.h.
            if (!json.done)
                parseJson(payload, &json);
            if (!json.error.isEmpty()) {
                error = json.error;
            } else {
                const PresetResult pr = decodePreset(*b.preset, json.root, !e.wildcard, receivedMs);
                if (pr.kind == PresetResult::Kind::Skip)
                    continue; // another device's or tag's message on a shared topic
                if (pr.kind == PresetResult::Kind::Error) {
                    error = pr.error;
                    failure = pr.q;
                } else {
                    ok = applyScale(b, pr.value, &s.value, &error, QStringLiteral("value"));
                    s.t_ms = pr.t;
                    s.q = pr.q;
                    if (ok && !pr.error.isEmpty())
                        error = pr.error;
                }
            }
        } else switch (b.format) {
        case PayloadFormat::Number:
            if (parseNumber(payload, &raw))
                ok = applyScale(b, raw, &s.value, &error, QStringLiteral("payload"));
            else
                error = QStringLiteral("expected a number, got ") + quote(payload.trimmed());
            break;
        case PayloadFormat::Bool:
            ok = parseBoolWord(payload, &s.value);
            if (!ok)
                error = QStringLiteral("expected true/false/on/off/1/0, got ")
                        + quote(payload.trimmed());
            break;
        case PayloadFormat::Enum: {
            const QString name = QString::fromUtf8(payload);
            ok = stateCode(*m_model, tag, name, &s.value);
            if (!ok)
                error = QStringLiteral("unknown state ") + quote(payload.trimmed());
            break;
        }
        case PayloadFormat::Json: {
            if (!json.done)
                parseJson(payload, &json);
            if (!json.error.isEmpty()) {
                error = json.error;
                break;
            }
            const QString where = b.valuePointer.isEmpty() ? QStringLiteral("value")
                                                           : b.valuePointer;
            const auto value = resolvePointer(json.root, b.valuePointer, &error);
            if (!value)
                break;
            if (value->isDouble()) {
                ok = applyScale(b, value->toDouble(), &s.value, &error, where);
            } else if (value->isBool()) {
                s.value = value->toBool() ? 1.0 : 0.0;
                ok = true;
            } else if (value->isString()) {
                const QString text = value->toString();
                const QByteArray utf8 = text.toUtf8();
                if (tag.kind == TagKind::State && stateCode(*m_model, tag, text, &s.value))
                    ok = true;
                else if (tag.kind == TagKind::Bool && parseBoolWord(utf8, &s.value))
                    ok = true;
                else if (parseNumber(utf8, &raw)) // devices often send "21.5"
                    ok = applyScale(b, raw, &s.value, &error, where);
                else if (tag.kind == TagKind::State)
                    error = where + QStringLiteral(": unknown state ") + quote(text);
                else
                    error = where + QStringLiteral(": expected a number, got ") + describe(*value);
            } else {
                error = where + QStringLiteral(": expected a number, got ") + describe(*value);
            }
            if (!ok)
                break;

            // The value is good from here on: problems with the timestamp or quality keep it
            // (no lost data) but mark it Uncertain and report why.
            if (!b.timestampPointer.isEmpty()) {
                QString tsError;
                const auto ts = resolvePointer(json.root, b.timestampPointer, &tsError);
                if (ts) {
                    TimestampMs t = 0;
                    bool tsOk = false;
                    if (ts->isDouble()) {
                        const double d = ts->toDouble();
                        // Bounds keep the conversion to int64 defined.
                        if (std::isfinite(d) && d > 0 && d < 1e16) {
                            t = d > kEpochMsThreshold ? static_cast<TimestampMs>(std::llround(d))
                                                      : static_cast<TimestampMs>(std::llround(d * 1000.0));
                            tsOk = true;
                        }
                    } else if (ts->isString()) {
                        tsOk = parseTimestamp(ts->toString(), &t);
                    }
                    if (tsOk) {
                        s.t_ms = t;
                    } else {
                        s.q = Quality::Uncertain;
                        if (error.isEmpty())
                            error = b.timestampPointer
                                    + QStringLiteral(": expected epoch ms/s or ISO-8601, got ")
                                    + describe(*ts);
                    }
                } // a missing timestamp means "use the receive time"
            }
            if (!b.qualityPointer.isEmpty()) {
                QString qError;
                const auto qv = resolvePointer(json.root, b.qualityPointer, &qError);
                if (qv) {
                    Quality q = Quality::Good;
                    bool qOk = false;
                    if (qv->isString()) {
                        qOk = parseQuality(qv->toString(), &q);
                    } else if (qv->isDouble()) {
                        const double d = qv->toDouble();
                        if (d >= 0 && d <= 255 && d == std::floor(d))
                            qOk = parseQuality(QString::number(static_cast<int>(d)), &q);
                    }
                    if (qOk) {
                        // A worse source quality wins over our own Uncertain flag.
                        if (static_cast<int>(severity(q)) >= static_cast<int>(severity(s.q)))
                            s.q = q;
                    } else {
                        if (s.q == Quality::Good)
                            s.q = Quality::Uncertain;
                        if (error.isEmpty())
                            error = b.qualityPointer + QStringLiteral(": unknown quality ")
                                    + (qv->isString() ? quote(qv->toString()) : describe(*qv));
                    }
                } // a missing quality means Good
            }
            break;
        }
        }

        if (ok && b.analog) {
            // A 4-20 mA signal (or converter counts): NAMUR NE 43 judges it; the value stays.
            const AnalogReading reading = evaluateAnalog(*b.analog, s.value);
            s.value = reading.value;
            if (static_cast<int>(severity(reading.q)) > static_cast<int>(severity(s.q)))
                s.q = reading.q;
        }
        if (!ok) {
            s.value = kNaN;
            s.q = failure;
            s.t_ms = receivedMs;
        }
        if (!error.isEmpty() && result.error.isEmpty())
            result.error = error;
        result.samples.push_back(s);
    }
    return result;
}

} // namespace andon::mqtt
