#include "connectors/mqtt/payload_presets.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <limits>
#include <optional>

namespace andon::mqtt {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Epoch numbers above this are milliseconds (as PayloadDecoder: 1e11 ms = 1973).
constexpr double kEpochMsThreshold = 1e11;
// ifm IoT Core diagnostic code of a good answer (HTTP-like, "200 OK").
constexpr int kIfmCodeOk = 200;

// Where a value sits, for messages: "deviceInfo.devEui", "rxInfo[1].rssi",
// data.payload["/iolinkmaster/port[1]/iolinkdevice/pdin"].
QString member(const QString &path, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(key).hasMatch())
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    return path + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

QString element(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

PresetResult fail(const QString &error, Quality q = Quality::BadDecodeError)
{
    PresetResult r;
    r.kind = PresetResult::Kind::Error;
    r.value = kNaN;
    r.q = q;
    r.error = error;
    return r;
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a bool");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("string \"%1\"").arg(v.toString().left(40));
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

// A number, a bool (1/0) or a numeric string, as devices and codecs send them.
bool numberOf(const QJsonValue &v, double *out)
{
    if (v.isDouble()) {
        *out = v.toDouble();
        return std::isfinite(*out);
    }
    if (v.isBool()) {
        *out = v.toBool() ? 1.0 : 0.0;
        return true;
    }
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d)) {
            *out = d;
            return true;
        }
    }
    return false;
}

// RFC 3339 with any number of fractional digits (the network servers send nanoseconds), or
// epoch seconds/milliseconds.
std::optional<TimestampMs> timeOf(const QJsonValue &v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d <= 0 || d >= 1e16)
            return std::nullopt;
        return d > kEpochMsThreshold ? static_cast<TimestampMs>(std::llround(d))
                                     : static_cast<TimestampMs>(std::llround(d * 1000.0));
    }
    if (!v.isString())
        return std::nullopt;
    QString text = v.toString().trimmed();
    // Keep milliseconds: "…:09.935284891Z" -> "…:09.935Z".
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{3})\\d+"));
    text.replace(fraction, QStringLiteral(".\\1"));
    TimestampMs t = 0;
    if (!parseTimestamp(text, &t))
        return std::nullopt;
    return t;
}

// Follows `keys` below `root`; returns the value (Undefined when missing) and its path.
QJsonValue walk(const QJsonValue &root, const QStringList &keys, QString *path)
{
    QJsonValue cur = root;
    for (const QString &key : keys) {
        *path = member(*path, key);
        if (!cur.isObject())
            return QJsonValue(QJsonValue::Undefined);
        cur = cur.toObject().value(key);
        if (cur.isUndefined())
            return cur;
    }
    return cur;
}

// A value of the decoded payload: `field` may name nested members with '/'.
PresetResult decodedField(const QJsonValue &object, const QString &objectPath,
                          const QString &field)
{
    if (!object.isObject())
        return fail(objectPath
                    + (object.isUndefined()
                               ? QStringLiteral(": missing (is a payload codec configured for "
                                                "the device?)")
                               : QStringLiteral(": expected an object, got ") + typeName(object)));
    QString path = objectPath;
    const QJsonValue v = walk(object, field.split(QLatin1Char('/')), &path);
    if (v.isUndefined())
        return fail(path + QStringLiteral(": missing"));
    PresetResult r;
    if (!numberOf(v, &r.value))
        return fail(path + QStringLiteral(": expected a number, got ") + typeName(v));
    r.kind = PresetResult::Kind::Value;
    return r;
}

// The gateway that heard the uplink best (highest RSSI, then SNR): its index, -1 if none.
qsizetype bestGateway(const QJsonArray &rx, const QString &snrKey)
{
    qsizetype best = -1;
    double bestRssi = -std::numeric_limits<double>::infinity();
    double bestSnr = -std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < rx.size(); ++i) {
        const QJsonObject g = rx.at(i).toObject();
        // Protobuf's JSON mapping leaves out zero values: a missing number is 0.
        const double rssi = g.value(QStringLiteral("rssi")).toDouble(0.0);
        const double snr = g.value(snrKey).toDouble(0.0);
        if (rssi > bestRssi || (rssi == bestRssi && snr > bestSnr)) {
            best = i;
            bestRssi = rssi;
            bestSnr = snr;
        }
    }
    return best;
}

// What both LoRaWAN network servers provide, read from their own field names.
struct Uplink
{
    QString devEui;
    QString devEuiPath;
    QJsonValue object; // the codec's decoded payload
    QString objectPath;
    QJsonArray rx;     // one entry per receiving gateway
    QString rxPath;
    QString snrKey;
    double fCnt = 0;
    std::optional<TimestampMs> deviceTime; // gateway (GPS) or network server receive time
};

PresetResult decodeUplink(const PresetBinding &p, const Uplink &u, bool exactTopic,
                          TimestampMs receivedMs)
{
    if (!p.devEui.isEmpty()) {
        if (u.devEui.isEmpty())
            return fail(u.devEuiPath + QStringLiteral(": missing"));
        if (u.devEui.compare(p.devEui, Qt::CaseInsensitive) != 0) {
            if (!exactTopic)
                return {}; // another device's uplink on a wildcard topic
            return fail(u.devEuiPath + QStringLiteral(": expected device %1, got %2")
                                           .arg(p.devEui, u.devEui));
        }
    }
    PresetResult r;
    const QString &f = p.field;
    const qsizetype best = bestGateway(u.rx, u.snrKey);
    if (f == u"rssi" || f == u"snr") {
        if (best < 0)
            return fail(u.rxPath + QStringLiteral(": no gateway metadata"));
        const QJsonObject g = u.rx.at(best).toObject();
        r.value = g.value(f == u"rssi" ? QStringLiteral("rssi") : u.snrKey).toDouble(0.0);
    } else if (f == u"gateways") {
        r.value = static_cast<double>(u.rx.size());
    } else if (f == u"f_cnt") {
        r.value = u.fCnt;
    } else if (f == u"rx_delay") {
        if (!u.deviceTime)
            return fail(u.rxPath + QStringLiteral(": no gateway or network server time to "
                                                  "compare the receive time with"));
        r.value = static_cast<double>(receivedMs - *u.deviceTime);
        r.t = receivedMs;
        r.kind = PresetResult::Kind::Value;
        return r;
    } else {
        r = decodedField(u.object, u.objectPath, f);
        if (r.kind != PresetResult::Kind::Value)
            return r;
    }
    r.kind = PresetResult::Kind::Value;
    r.t = u.deviceTime.value_or(receivedMs);
    return r;
}

// ChirpStack v4 integration event "up" (Protobuf JSON mapping of integration.UplinkEvent).
PresetResult chirpStack(const PresetBinding &p, const QJsonValue &root, bool exactTopic,
                        TimestampMs receivedMs)
{
    if (!root.isObject())
        return fail(QStringLiteral("expected a ChirpStack uplink event object, got ")
                    + typeName(root));
    const QJsonObject o = root.toObject();
    Uplink u;
    u.devEuiPath = QStringLiteral("deviceInfo.devEui");
    u.devEui = o.value(QStringLiteral("deviceInfo")).toObject().value(QStringLiteral("devEui")).toString();
    u.object = o.value(QStringLiteral("object"));
    u.objectPath = QStringLiteral("object");
    u.rx = o.value(QStringLiteral("rxInfo")).toArray();
    u.rxPath = QStringLiteral("rxInfo");
    u.snrKey = QStringLiteral("snr");
    u.fCnt = o.value(QStringLiteral("fCnt")).toDouble(0.0);
    // The uplink's time: the best gateway's GNSS time, else the network server's receive time
    // (gw.UplinkRxInfo gw_time / ns_time), else the event's own time.
    const qsizetype best = bestGateway(u.rx, u.snrKey);
    if (best >= 0) {
        const QJsonObject g = u.rx.at(best).toObject();
        u.deviceTime = timeOf(g.value(QStringLiteral("gwTime")));
        if (!u.deviceTime)
            u.deviceTime = timeOf(g.value(QStringLiteral("nsTime")));
    }
    if (!u.deviceTime)
        u.deviceTime = timeOf(o.value(QStringLiteral("time")));
    return decodeUplink(p, u, exactTopic, receivedMs);
}

// The Things Stack v3 uplink message (ApplicationUp with uplink_message).
PresetResult theThingsStack(const PresetBinding &p, const QJsonValue &root, bool exactTopic,
                            TimestampMs receivedMs)
{
    if (!root.isObject())
        return fail(QStringLiteral("expected a The Things Stack uplink message object, got ")
                    + typeName(root));
    const QJsonObject o = root.toObject();
    Uplink u;
    u.devEuiPath = QStringLiteral("end_device_ids.dev_eui");
    u.devEui = o.value(QStringLiteral("end_device_ids")).toObject().value(QStringLiteral("dev_eui")).toString();
    const QJsonValue upValue = o.value(QStringLiteral("uplink_message"));
    if (!upValue.isObject()) {
        // Same device, another message type (join, downlink event): not an uplink. On the
        // uplink topic (".../up") that is malformed.
        return fail(QStringLiteral("uplink_message: ")
                    + (upValue.isUndefined() ? QStringLiteral("missing")
                                             : QStringLiteral("expected an object, got ")
                                   + typeName(upValue)));
    }
    const QJsonObject up = upValue.toObject();
    u.object = up.value(QStringLiteral("decoded_payload"));
    u.objectPath = QStringLiteral("uplink_message.decoded_payload");
    u.rx = up.value(QStringLiteral("rx_metadata")).toArray();
    u.rxPath = QStringLiteral("uplink_message.rx_metadata");
    u.snrKey = QStringLiteral("snr");
    u.fCnt = up.value(QStringLiteral("f_cnt")).toDouble(0.0);
    // The best gateway's time (GPS when it has one), else the uplink's settings.time, else
    // when the Network Server / Application Server received it.
    const qsizetype best = bestGateway(u.rx, u.snrKey);
    if (best >= 0)
        u.deviceTime = timeOf(u.rx.at(best).toObject().value(QStringLiteral("time")));
    if (!u.deviceTime)
        u.deviceTime = timeOf(up.value(QStringLiteral("settings")).toObject().value(QStringLiteral("time")));
    if (!u.deviceTime)
        u.deviceTime = timeOf(up.value(QStringLiteral("received_at")));
    if (!u.deviceTime)
        u.deviceTime = timeOf(o.value(QStringLiteral("received_at")));
    return decodeUplink(p, u, exactTopic, receivedMs);
}

// ifm IoT Core notification: {"code":"event", "data": {"payload": {"<url>": {"code", "data"}}}}
// with the port's process data in as hex under /iolinkmaster/port[N]/iolinkdevice/pdin.
PresetResult ioLink(const PresetBinding &p, const QJsonValue &root, TimestampMs receivedMs)
{
    QString path;
    const QJsonValue payload
            = walk(root, { QStringLiteral("data"), QStringLiteral("payload") }, &path);
    if (!payload.isObject())
        return fail(path
                    + (payload.isUndefined() ? QStringLiteral(": missing")
                                             : QStringLiteral(": expected an object, got ")
                                   + typeName(payload)));
    const QString url = QStringLiteral("/iolinkmaster/port[%1]/iolinkdevice/pdin").arg(p.port);
    path = member(path, url);
    const QJsonValue entry = payload.toObject().value(url);
    if (!entry.isObject())
        return fail(path
                    + (entry.isUndefined() ? QStringLiteral(": missing (is port %1 in the "
                                                            "subscription's datatosend list?)")
                                                     .arg(p.port)
                                           : QStringLiteral(": expected an object, got ")
                                   + typeName(entry)));
    const QJsonObject e = entry.toObject();
    const QJsonValue code = e.value(QStringLiteral("code"));
    if (code.isDouble() && code.toInt() != kIfmCodeOk) {
        // The master answers for the port but has no process data (no device, wrong mode).
        return fail(member(path, QStringLiteral("code"))
                            + QStringLiteral(": %1, not 200 (no valid process data on port %2)")
                                      .arg(code.toInt())
                                      .arg(p.port),
                    Quality::BadDeviceFailure);
    }
    const QJsonValue data = e.value(QStringLiteral("data"));
    const QString dataPath = member(path, QStringLiteral("data"));
    if (!data.isString())
        return fail(dataPath
                    + (data.isUndefined() ? QStringLiteral(": missing")
                                          : QStringLiteral(": expected hex process data, got ")
                                   + typeName(data)));
    const QString hex = data.toString().trimmed();
    int bitOffset = p.bitOffset;
    if (p.byteOffset >= 0) // counted from the first byte: convert to IODD's bit offset
        bitOffset = static_cast<int>(hex.size() / 2) * 8 - p.byteOffset * 8 - p.bitLength;
    PresetResult r;
    QString error;
    if (!ioLinkField(hex, bitOffset, p.bitLength, p.isSigned, &r.value, &error))
        return fail(dataPath + QStringLiteral(": ") + error);
    r.kind = PresetResult::Kind::Value;
    r.t = receivedMs; // the notification carries no time
    return r;
}

// OPC DA quality byte (QQSSSSLL: bits 7-6 are 11 good, 01 uncertain, 00 bad), the numeric
// quality classic OPC gateways republish.
Quality opcDaQuality(int q)
{
    switch (q & 0xC0) {
    case 0xC0: return Quality::Good;
    case 0x40: return Quality::Uncertain;
    default: return Quality::Bad;
    }
}

// {"timestamp": ms, "values": [{"id", "v", "q", "t"}]} (Kepware IoT Gateway's standard
// template shape), or one {"v", "q", "t"} object per topic when the binding has no field.
PresetResult edgeGateway(const PresetBinding &p, const QJsonValue &root, TimestampMs receivedMs)
{
    if (!root.isObject())
        return fail(QStringLiteral("expected an object, got ") + typeName(root));
    const QJsonObject o = root.toObject();
    QJsonObject entry;
    QString path;
    if (p.field.isEmpty()) {
        entry = o;
    } else {
        const QJsonValue values = o.value(QStringLiteral("values"));
        if (!values.isArray())
            return fail(QStringLiteral("values")
                        + (values.isUndefined() ? QStringLiteral(": missing")
                                                : QStringLiteral(": expected an array, got ")
                                       + typeName(values)));
        const QJsonArray list = values.toArray();
        qsizetype found = -1;
        for (qsizetype i = 0; i < list.size() && found < 0; ++i) {
            if (list.at(i).toObject().value(QStringLiteral("id")).toString() == p.field)
                found = i;
        }
        if (found < 0)
            return {}; // gateways publish changed tags only: this one did not change
        entry = list.at(found).toObject();
        path = element(QStringLiteral("values"), found);
    }
    PresetResult r;
    QJsonValue v = entry.value(QStringLiteral("v"));
    QString vPath = member(path, QStringLiteral("v"));
    if (v.isUndefined() && entry.contains(QStringLiteral("value"))) {
        v = entry.value(QStringLiteral("value"));
        vPath = member(path, QStringLiteral("value"));
    }
    if (v.isUndefined())
        return fail(vPath + QStringLiteral(": missing"));
    if (!numberOf(v, &r.value))
        return fail(vPath + QStringLiteral(": expected a number, got ") + typeName(v));
    r.kind = PresetResult::Kind::Value;
    r.t = receivedMs;
    const QJsonValue t = entry.contains(QStringLiteral("t")) ? entry.value(QStringLiteral("t"))
                                                              : o.value(QStringLiteral("timestamp"));
    if (!t.isUndefined() && !t.isNull()) {
        if (const auto ts = timeOf(t)) {
            r.t = *ts;
        } else {
            r.q = Quality::Uncertain;
            r.error = member(path, QStringLiteral("t"))
                      + QStringLiteral(": expected epoch ms or ISO-8601, got ") + typeName(t);
        }
    }
    const QJsonValue q = entry.value(QStringLiteral("q"));
    if (q.isBool()) {
        if (!q.toBool())
            r.q = Quality::Bad;
    } else if (q.isDouble()) {
        const double d = q.toDouble();
        if (d >= 0 && d <= 0xFFFF && d == std::floor(d)) {
            const Quality source = opcDaQuality(static_cast<int>(d));
            if (static_cast<int>(severity(source)) > static_cast<int>(severity(r.q)))
                r.q = source;
        } else if (r.q == Quality::Good) {
            r.q = Quality::Uncertain;
            r.error = member(path, QStringLiteral("q")) + QStringLiteral(": unknown quality ")
                      + typeName(q);
        }
    } else if (q.isString()) {
        Quality source = Quality::Good;
        if (parseQuality(q.toString(), &source)) {
            if (static_cast<int>(severity(source)) >= static_cast<int>(severity(r.q)))
                r.q = source;
        } else if (r.q == Quality::Good) {
            r.q = Quality::Uncertain;
            r.error = member(path, QStringLiteral("q")) + QStringLiteral(": unknown quality ")
                      + typeName(q);
        }
    }
    return r;
}

} // namespace

bool ioLinkField(const QString &hex, int bitOffset, int bitLength, bool isSigned, double *out,
                 QString *error)
{
    if (hex.isEmpty() || hex.size() % 2 != 0) {
        *error = QStringLiteral("expected hex bytes, got \"%1\"").arg(hex.left(40));
        return false;
    }
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (bytes.size() * 2 != hex.size() || !QRegularExpression(QStringLiteral("^[0-9A-Fa-f]+$"))
                                                   .match(hex)
                                                   .hasMatch()) {
        *error = QStringLiteral("expected hex bytes, got \"%1\"").arg(hex.left(40));
        return false;
    }
    const int totalBits = static_cast<int>(bytes.size()) * 8;
    if (bitLength < 1 || bitLength > 64 || bitOffset < 0 || bitOffset + bitLength > totalBits) {
        *error = QStringLiteral("%1 bytes of process data have no bits %2..%3")
                         .arg(bytes.size())
                         .arg(bitOffset)
                         .arg(bitOffset + bitLength - 1);
        return false;
    }
    std::uint64_t raw = 0;
    for (int k = 0; k < bitLength; ++k) {
        const int bit = bitOffset + k; // from the least significant bit of the last byte
        const auto byte = static_cast<std::uint8_t>(bytes.at(bytes.size() - 1 - bit / 8));
        if ((byte >> (bit % 8)) & 1u)
            raw |= std::uint64_t(1) << k;
    }
    if (isSigned && bitLength < 64 && (raw >> (bitLength - 1)) & 1u)
        *out = static_cast<double>(static_cast<std::int64_t>(raw) - (std::int64_t(1) << bitLength));
    else if (isSigned && bitLength == 64)
        *out = static_cast<double>(static_cast<std::int64_t>(raw));
    else
        *out = static_cast<double>(raw);
    return true;
}

PresetResult decodePreset(const PresetBinding &preset, const QJsonValue &root, bool exactTopic,
                          TimestampMs receivedMs)
{
    switch (preset.preset) {
    case PayloadPreset::ChirpStackV4: return chirpStack(preset, root, exactTopic, receivedMs);
    case PayloadPreset::TtnV3: return theThingsStack(preset, root, exactTopic, receivedMs);
    case PayloadPreset::IoLink: return ioLink(preset, root, receivedMs);
    case PayloadPreset::EdgeGateway: return edgeGateway(preset, root, receivedMs);
    }
    return fail(QStringLiteral("unknown preset"));
}

} // namespace andon::mqtt
