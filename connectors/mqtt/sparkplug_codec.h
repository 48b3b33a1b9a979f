// Sparkplug B 3.0 payload codec: protobuf bytes <-> Andon's own value types (no protobuf type
// appears here). Pure functions, safe on any thread; used by SparkplugHost and andon-sim.
#pragma once

#include "core/sample.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace andon::mqtt::sparkplug {

// Sparkplug 3.0 §6.4.16 data type numbers (wire values: never renumber).
enum class DataType : std::uint32_t {
    Unknown = 0,
    Int8 = 1, Int16 = 2, Int32 = 3, Int64 = 4,
    UInt8 = 5, UInt16 = 6, UInt32 = 7, UInt64 = 8,
    Float = 9, Double = 10, Boolean = 11, String = 12, DateTime = 13, Text = 14,
    UUID = 15, DataSet = 16, Bytes = 17, File = 18, Template = 19,
    PropertySet = 20, PropertySetList = 21,
    Int8Array = 22, Int16Array = 23, Int32Array = 24, Int64Array = 25,
    UInt8Array = 26, UInt16Array = 27, UInt32Array = 28, UInt64Array = 29,
    FloatArray = 30, DoubleArray = 31, BooleanArray = 32, StringArray = 33,
    DateTimeArray = 34,
};
QString dataTypeName(DataType t); // "Int32", "Unknown(99)"
bool isScalarNumeric(DataType t); // Int8..Double, Boolean, DateTime
bool isArray(DataType t);

// Which member of the protobuf `value` oneof was set.
enum class ValueField : std::uint8_t {
    None, Int, Long, Float, Double, Boolean, String, Bytes, DataSet, Template, Extension,
};

struct Metric;

struct DataSetValue
{
    std::vector<QString> columns;
    std::vector<std::uint32_t> types; // DataType numbers per column
    std::vector<std::vector<QVariant>> rows;
};

struct TemplateValue
{
    QString version;
    QString templateRef;
    bool isDefinition = false;
    std::vector<Metric> metrics;
    std::vector<std::pair<QString, QVariant>> parameters;
};

struct Metric
{
    QString name;                        // "" when only an alias was sent
    std::optional<std::uint64_t> alias;
    std::optional<std::uint64_t> timestamp; // ms UTC
    DataType datatype = DataType::Unknown;  // raw number kept in rawDatatype
    std::uint32_t rawDatatype = 0;
    bool isHistorical = false;
    bool isTransient = false;
    bool isNull = false;
    // Properties (Sparkplug §6.4.18) as key -> scalar; nested property sets become QVariantMap
    // / QVariantList. Key order as sent.
    std::vector<std::pair<QString, QVariant>> properties;

    // The value as set on the wire. Integers keep their raw bits (uint32/uint64): the datatype
    // decides how they are read (toDouble()).
    ValueField field = ValueField::None;
    std::uint64_t intBits = 0; // Int (uint32) or Long (uint64)
    double floating = 0.0;     // Float or Double
    bool boolean = false;
    QString string;
    QByteArray bytes;          // Bytes, File and the packed arrays of Sparkplug 3.0 §6.4.17
    std::shared_ptr<DataSetValue> dataset;
    std::shared_ptr<TemplateValue> templ;

    // Numeric value per datatype (signed types reinterpret the two's complement bits, Boolean
    // 0/1, DateTime ms, String/Text when the text is a number). False when the metric has no
    // numeric value (null, array, template, dataset, wrong value field for the datatype).
    bool toDouble(double *out) const;
    // The engineering unit from the properties ("engUnit", "engUnits", "EngUnit",
    // "engineering_units", "unit", "units"; first found), "" when none.
    QString engineeringUnit() const;
    // Decoded array elements (Sparkplug 3.0 §6.4.17 little-endian packing) for array datatypes;
    // false when the bytes do not fit the type.
    bool arrayValues(QVariantList *out) const;
    // Short human summary for browse views and logs: "42", "[1, 2, 3]", "template Motor (3
    // members)", "dataset 2x3", "null".
    QString summary() const;

    // Builders for encoding.
    static Metric number(const QString &name, DataType type, double value);
    static Metric text(const QString &name, const QString &value);
};

struct Payload
{
    std::optional<std::uint64_t> timestamp;
    std::optional<std::uint64_t> seq;
    QString uuid;
    QByteArray body;
    std::vector<Metric> metrics;

    const Metric *metric(const QString &name) const; // first with that name
};

// Decodes a Sparkplug B payload. Never throws or crashes on any input; on failure returns
// false with a reason in `error` ("not a Sparkplug B protobuf payload (N bytes)", ...).
// Nesting of templates/property sets deeper than 16 levels is rejected.
bool decode(const QByteArray &bytes, Payload *out, QString *error);

// Encodes a payload. Numeric values are written into the value field the datatype requires
// (Int8..UInt32 -> int_value, Int64/UInt64/DateTime -> long_value, ...).
QByteArray encode(const Payload &payload);

} // namespace andon::mqtt::sparkplug
