#include "storage/csv_io.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <cmath>
#include <limits>

namespace andon::storage {

bool splitCsvLine(const QString &line, QStringList *fields)
{
    fields->clear();
    QString cur;
    bool inQuotes = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    cur += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                cur += c;
            }
        } else if (c == u'"') {
            inQuotes = true;
        } else if (c == u',') {
            fields->append(cur.trimmed());
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields->append(cur.trimmed());
    return !inQuotes;
}

bool parseCsvValue(const QString &text, double *out)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("nan")) {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (t == QLatin1String("inf") || t == QLatin1String("+inf")
        || t == QLatin1String("infinity")) {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (t == QLatin1String("-inf") || t == QLatin1String("-infinity")) {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    QByteArray latin = t.toLatin1();
    if (latin.startsWith('+'))
        latin.remove(0, 1);
    if (latin.isEmpty())
        return false;
    double v = 0;
    const char *end = latin.constData() + latin.size();
    const auto [ptr, ec] = std::from_chars(latin.constData(), end, v);
    if (ec != std::errc() || ptr != end)
        return false;
    *out = v;
    return true;
}

QString formatCsvValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buf[64];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    Q_UNUSED(ec);
    return QString::fromLatin1(buf, ptr - buf);
}

QString sampleCsvHeader()
{
    return QStringLiteral("timestamp,tag,value,quality");
}

QString formatSampleCsvRow(const QString &tag, const Sample &s)
{
    QString field = tag;
    if (field.contains(u',') || field.contains(u'"'))
        field = u'"' + QString(field).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return formatTimestampUtc(s.t_ms) + u',' + field + u',' + formatCsvValue(s.value) + u','
           + qualityName(s.q);
}

QByteArray formatSampleJson(const QString &tag, const Sample &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("t"), formatTimestampUtc(s.t_ms));
    o.insert(QStringLiteral("tag"), tag);
    o.insert(QStringLiteral("value"), std::isfinite(s.value) ? QJsonValue(s.value) : QJsonValue());
    o.insert(QStringLiteral("quality"), qualityName(s.q));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SampleCsvReader::SampleCsvReader(QIODevice *device, const QString &fileName,
                                 TagResolver resolveTag)
    : m_device(device), m_fileName(fileName), m_resolve(std::move(resolveTag))
{
}

bool SampleCsvReader::readLine(QString *line)
{
    // Bounded by the file size: every iteration consumes a line.
    while (!m_device->atEnd()) {
        QByteArray bytes = m_device->readLine();
        ++m_line;
        if (m_line == 1 && bytes.startsWith("\xEF\xBB\xBF"))
            bytes.remove(0, 3); // UTF-8 byte order mark
        *line = QString::fromUtf8(bytes).trimmed();
        if (!line->isEmpty())
            return true;
    }
    return false;
}

void SampleCsvReader::reject(const QString &what)
{
    ++m_rejected;
    m_errors << QStringLiteral("%1:%2: %3").arg(m_fileName).arg(m_line).arg(what);
}

bool SampleCsvReader::readHeader()
{
    QString line;
    if (!readLine(&line)) {
        m_errors << QStringLiteral("%1: empty file, expected the header "
                                   "'timestamp,tag,value[,quality]'")
                        .arg(m_fileName);
        return false;
    }
    QStringList cols;
    splitCsvLine(line, &cols);
    m_columns = int(cols.size());
    for (int i = 0; i < cols.size(); ++i) {
        const QString c = cols.at(i).toLower();
        int *slot = c == QLatin1String("timestamp") ? &m_colTime
                    : c == QLatin1String("tag")     ? &m_colTag
                    : c == QLatin1String("value")   ? &m_colValue
                    : c == QLatin1String("quality") ? &m_colQuality
                                                    : nullptr;
        if (!slot || *slot >= 0) {
            m_errors << QStringLiteral("%1:%2: unexpected header column '%3'; expected "
                                       "'timestamp,tag,value[,quality]'")
                            .arg(m_fileName)
                            .arg(m_line)
                            .arg(cols.at(i));
            return false;
        }
        *slot = i;
    }
    if (m_colTime < 0 || m_colTag < 0 || m_colValue < 0) {
        m_errors << QStringLiteral("%1:%2: the header must name the columns timestamp, tag and "
                                   "value (found '%3')")
                        .arg(m_fileName)
                        .arg(m_line)
                        .arg(line);
        return false;
    }
    return true;
}

bool SampleCsvReader::next(CsvSampleRow *row)
{
    QString line;
    QStringList f;
    while (readLine(&line)) {
        if (!splitCsvLine(line, &f)) {
            reject(QStringLiteral("unclosed quote"));
            continue;
        }
        if (f.size() != m_columns) {
            reject(QStringLiteral("expected %1 fields, found %2").arg(m_columns).arg(f.size()));
            continue;
        }
        CsvSampleRow r;
        r.line = m_line;
        r.tag = f.at(m_colTag);
        if (!parseTimestamp(f.at(m_colTime), &r.sample.t_ms)) {
            reject(QStringLiteral("bad timestamp '%1' (expected ISO-8601 or epoch ms)")
                       .arg(f.at(m_colTime)));
            continue;
        }
        if (!parseCsvValue(f.at(m_colValue), &r.sample.value)) {
            reject(QStringLiteral("bad value '%1' for tag %2").arg(f.at(m_colValue), r.tag));
            continue;
        }
        r.sample.q = Quality::Good;
        if (m_colQuality >= 0 && !f.at(m_colQuality).isEmpty()
            && !parseQuality(f.at(m_colQuality), &r.sample.q)) {
            reject(QStringLiteral("bad quality '%1' for tag %2").arg(f.at(m_colQuality), r.tag));
            continue;
        }
        if (r.tag.isEmpty()) {
            reject(QStringLiteral("empty tag"));
            continue;
        }
        if (m_resolve) {
            r.sample.tag = m_resolve(r.tag);
            if (r.sample.tag == kInvalidTag) {
                reject(QStringLiteral("unknown tag '%1' (not in the configuration)").arg(r.tag));
                continue;
            }
        }
        *row = std::move(r);
        return true;
    }
    return false;
}

} // namespace andon::storage
