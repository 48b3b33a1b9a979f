// Reading and writing samples as CSV ("timestamp,tag,value[,quality]") and JSON for the
// andon-cli import/export commands. Pure QtCore, no database; owned by the caller.
#pragma once

#include "core/sample.h"

#include <functional>

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace andon::storage {

struct CsvSampleRow
{
    int line = 0;  // 1-based line in the file
    QString tag;   // ISA-95 path as written
    Sample sample; // sample.tag is what the resolver returned (kInvalidTag without one)
};

// Streams sample rows from a CSV file. The first non-blank line is the header; it must name
// the columns timestamp, tag and value, and may name quality (any order, case-insensitive).
// Timestamps are ISO-8601 or epoch ms (andon::parseTimestamp); quality is a qualityName(),
// severity word or number (andon::parseQuality), Good when the column is absent or empty;
// value is a decimal number, "nan", "inf" or "-inf". Fields may be double-quoted (RFC 4180).
// A bad row is skipped and reported as "file:line: what" - reading continues.
class SampleCsvReader
{
public:
    // `resolveTag` maps a tag path to a TagId; kInvalidTag rejects the row as unknown.
    using TagResolver = std::function<TagId(const QString &path)>;

    SampleCsvReader(QIODevice *device, const QString &fileName, TagResolver resolveTag = {});

    // Reads the header. False (and errors()) when the file is empty or the header is wrong.
    bool readHeader();
    // The next good row; false at the end of the file.
    bool next(CsvSampleRow *row);

    const QStringList &errors() const { return m_errors; }
    int rejectedRows() const { return m_rejected; }
    bool hasQualityColumn() const { return m_colQuality >= 0; }

private:
    bool readLine(QString *line);
    void reject(const QString &what);

    QIODevice *m_device;
    QString m_fileName;
    TagResolver m_resolve;
    int m_line = 0;
    int m_colTime = -1, m_colTag = -1, m_colValue = -1, m_colQuality = -1;
    int m_columns = 0;
    QStringList m_errors;
    int m_rejected = 0;
};

// Splits one CSV line into fields (double quotes, "" inside quotes). False on an unclosed quote.
bool splitCsvLine(const QString &line, QStringList *fields);
// Parses a CSV value: a decimal number, "nan", "inf", "+inf", "-inf" (case-insensitive).
bool parseCsvValue(const QString &text, double *out);
// Shortest text that reads back to the same double ("nan", "inf", "-inf" for non-finite).
QString formatCsvValue(double v);

// "timestamp,tag,value,quality"
QString sampleCsvHeader();
// One CSV line (no newline) that SampleCsvReader reads back to the same sample.
QString formatSampleCsvRow(const QString &tag, const Sample &s);
// One JSON object {"t": ISO-8601, "tag": path, "value": number|null, "quality": name}
// (JSON has no NaN/inf: non-finite values are written as null).
QByteArray formatSampleJson(const QString &tag, const Sample &s);

} // namespace andon::storage
