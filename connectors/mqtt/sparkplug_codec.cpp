#include "connectors/mqtt/sparkplug_codec.h"

#include "sparkplug_b.pb.h"

#include <QStringList>

#include <cmath>
#include <cstring>
#include <limits>

namespace andon::mqtt::sparkplug {

namespace pb = org::eclipse::tahu::protobuf;

namespace {

// Templates may contain templates; a hostile payload could nest them until the stack runs
// out. Real Sparkplug models nest a handful of levels.
constexpr int kMaxDepth = 16;

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QVariant propertyValue(const pb::Payload_PropertyValue &v, int depth);

QVariantMap propertySet(const pb::Payload_PropertySet &set, int depth)
{
    QVariantMap out;
    if (depth > kMaxDepth)
        return out;
    const int n = std::min(set.keys_size(), set.values_size());
    for (int i = 0; i < n; ++i)
        out.insert(fromStd(set.keys(i)), propertyValue(set.values(i), depth + 1));
    return out;
}

QVariant propertyValue(const pb::Payload_PropertyValue &v, int depth)
{
    if (v.is_null())
        return QVariant();
    switch (v.value_case()) {
    case pb::Payload_PropertyValue::kIntValue: {
        const auto t = static_cast<DataType>(v.type());
        if (t == DataType::Int8 || t == DataType::Int16 || t == DataType::Int32)
            return QVariant(static_cast<qlonglong>(static_cast<std::int32_t>(v.int_value())));
        return QVariant(static_cast<qulonglong>(v.int_value()));
    }
    case pb::Payload_PropertyValue::kLongValue: {
        const auto t = static_cast<DataType>(v.type());
        if (t == DataType::Int64 || t == DataType::DateTime)
            return QVariant(static_cast<qlonglong>(v.long_value()));
        return QVariant(static_cast<qulonglong>(v.long_value()));
    }
    case pb::Payload_PropertyValue::kFloatValue: return QVariant(static_cast<double>(v.float_value()));
    case pb::Payload_PropertyValue::kDoubleValue: return QVariant(v.double_value());
    case pb::Payload_PropertyValue::kBooleanValue: return QVariant(v.boolean_value());
    case pb::Payload_PropertyValue::kStringValue: return QVariant(fromStd(v.string_value()));
    case pb::Payload_PropertyValue::kPropertysetValue:
        return QVariant(propertySet(v.propertyset_value(), depth + 1));
    case pb::Payload_PropertyValue::kPropertysetsValue: {
        QVariantList list;
        if (depth <= kMaxDepth)
            for (const auto &set : v.propertysets_value().propertyset())
                list.push_back(QVariant(propertySet(set, depth + 1)));
        return QVariant(list);
    }
    case pb::Payload_PropertyValue::kExtensionValue:
    case pb::Payload_PropertyValue::VALUE_NOT_SET:
        break;
    }
    return QVariant();
}

template<typename Value>
QVariant scalarOneof(const Value &v, std::uint32_t type)
{
    using C = decltype(v.value_case());
    const auto t = static_cast<DataType>(type);
    switch (v.value_case()) {
    case C::kIntValue:
        if (t == DataType::Int8 || t == DataType::Int16 || t == DataType::Int32)
            return QVariant(static_cast<qlonglong>(static_cast<std::int32_t>(v.int_value())));
        return QVariant(static_cast<qulonglong>(v.int_value()));
    case C::kLongValue:
        if (t == DataType::Int64 || t == DataType::DateTime)
            return QVariant(static_cast<qlonglong>(v.long_value()));
        return QVariant(static_cast<qulonglong>(v.long_value()));
    case C::kFloatValue: return QVariant(static_cast<double>(v.float_value()));
    case C::kDoubleValue: return QVariant(v.double_value());
    case C::kBooleanValue: return QVariant(v.boolean_value());
    case C::kStringValue: return QVariant(fromStd(v.string_value()));
    default: break;
    }
    return QVariant();
}

bool decodeMetric(const pb::Payload_Metric &m, Metric *out, int depth, QString *error);

bool decodeTemplate(const pb::Payload_Template &t, TemplateValue *out, int depth, QString *error)
{
    if (depth > kMaxDepth) {
        *error = QStringLiteral("templates nested deeper than %1 levels").arg(kMaxDepth);
        return false;
    }
    out->version = fromStd(t.version());
    out->templateRef = fromStd(t.template_ref());
    out->isDefinition = t.is_definition();
    out->metrics.reserve(static_cast<std::size_t>(t.metrics_size()));
    for (const auto &m : t.metrics()) {
        Metric member;
        if (!decodeMetric(m, &member, depth + 1, error))
            return false;
        out->metrics.push_back(std::move(member));
    }
    for (const auto &p : t.parameters())
        out->parameters.emplace_back(fromStd(p.name()), scalarOneof(p, p.type()));
    return true;
}

bool decodeMetric(const pb::Payload_Metric &m, Metric *out, int depth, QString *error)
{
    out->name = fromStd(m.name());
    if (m.has_alias())
        out->alias = m.alias();
    if (m.has_timestamp())
        out->timestamp = m.timestamp();
    out->rawDatatype = m.datatype();
    out->datatype = m.datatype() <= 34 ? static_cast<DataType>(m.datatype()) : DataType::Unknown;
    out->isHistorical = m.is_historical();
    out->isTransient = m.is_transient();
    out->isNull = m.is_null();
    if (m.has_properties()) {
        const auto &set = m.properties();
        const int n = std::min(set.keys_size(), set.values_size());
        for (int i = 0; i < n; ++i)
            out->properties.emplace_back(fromStd(set.keys(i)), propertyValue(set.values(i), depth));
    }
    switch (m.value_case()) {
    case pb::Payload_Metric::kIntValue:
        out->field = ValueField::Int;
        out->intBits = m.int_value();
        break;
    case pb::Payload_Metric::kLongValue:
        out->field = ValueField::Long;
        out->intBits = m.long_value();
        break;
    case pb::Payload_Metric::kFloatValue:
        out->field = ValueField::Float;
        out->floating = static_cast<double>(m.float_value());
        break;
    case pb::Payload_Metric::kDoubleValue:
        out->field = ValueField::Double;
        out->floating = m.double_value();
        break;
    case pb::Payload_Metric::kBooleanValue:
        out->field = ValueField::Boolean;
        out->boolean = m.boolean_value();
        break;
    case pb::Payload_Metric::kStringValue:
        out->field = ValueField::String;
        out->string = fromStd(m.string_value());
        break;
    case pb::Payload_Metric::kBytesValue:
        out->field = ValueField::Bytes;
        out->bytes = QByteArray(m.bytes_value().data(),
                                static_cast<qsizetype>(m.bytes_value().size()));
        break;
    case pb::Payload_Metric::kDatasetValue: {
        out->field = ValueField::DataSet;
        auto ds = std::make_shared<DataSetValue>();
        const auto &d = m.dataset_value();
        for (const auto &c : d.columns())
            ds->columns.push_back(fromStd(c));
        for (const auto t : d.types())
            ds->types.push_back(t);
        for (const auto &row : d.rows()) {
            std::vector<QVariant> cells;
            for (int i = 0; i < row.elements_size(); ++i) {
                const std::uint32_t type = i < d.types_size() ? d.types(i) : 0;
                cells.push_back(scalarOneof(row.elements(i), type));
            }
            ds->rows.push_back(std::move(cells));
        }
        out->dataset = std::move(ds);
        break;
    }
    case pb::Payload_Metric::kTemplateValue: {
        out->field = ValueField::Template;
        auto t = std::make_shared<TemplateValue>();
        if (!decodeTemplate(m.template_value(), t.get(), depth + 1, error))
            return false;
        out->templ = std::move(t);
        break;
    }
    case pb::Payload_Metric::kExtensionValue:
        out->field = ValueField::Extension;
        break;
    case pb::Payload_Metric::VALUE_NOT_SET:
        break;
    }
    return true;
}

void encodeProperties(const std::vector<std::pair<QString, QVariant>> &props,
                      pb::Payload_PropertySet *set)
{
    for (const auto &[key, value] : props) {
        set->add_keys(toStd(key));
        pb::Payload_PropertyValue *v = set->add_values();
        switch (value.typeId()) {
        case QMetaType::Bool:
            v->set_type(static_cast<std::uint32_t>(DataType::Boolean));
            v->set_boolean_value(value.toBool());
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
            v->set_type(static_cast<std::uint32_t>(DataType::Int64));
            v->set_long_value(static_cast<std::uint64_t>(value.toLongLong()));
            break;
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            v->set_type(static_cast<std::uint32_t>(DataType::UInt64));
            v->set_long_value(value.toULongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            v->set_type(static_cast<std::uint32_t>(DataType::Double));
            v->set_double_value(value.toDouble());
            break;
        default:
            if (!value.isValid()) {
                v->set_is_null(true);
            } else {
                v->set_type(static_cast<std::uint32_t>(DataType::String));
                v->set_string_value(toStd(value.toString()));
            }
            break;
        }
    }
}

void encodeMetric(const Metric &m, pb::Payload_Metric *out, int depth)
{
    if (!m.name.isEmpty())
        out->set_name(toStd(m.name));
    if (m.alias)
        out->set_alias(*m.alias);
    if (m.timestamp)
        out->set_timestamp(*m.timestamp);
    out->set_datatype(m.rawDatatype != 0 ? m.rawDatatype : static_cast<std::uint32_t>(m.datatype));
    if (m.isHistorical)
        out->set_is_historical(true);
    if (m.isTransient)
        out->set_is_transient(true);
    if (!m.properties.empty())
        encodeProperties(m.properties, out->mutable_properties());
    if (m.isNull) {
        out->set_is_null(true);
        return;
    }
    switch (m.field) {
    case ValueField::None:
    case ValueField::Extension:
        break;
    case ValueField::Int: out->set_int_value(static_cast<std::uint32_t>(m.intBits)); break;
    case ValueField::Long: out->set_long_value(m.intBits); break;
    case ValueField::Float: out->set_float_value(static_cast<float>(m.floating)); break;
    case ValueField::Double: out->set_double_value(m.floating); break;
    case ValueField::Boolean: out->set_boolean_value(m.boolean); break;
    case ValueField::String: out->set_string_value(toStd(m.string)); break;
    case ValueField::Bytes:
        out->set_bytes_value(std::string(m.bytes.constData(), static_cast<std::size_t>(m.bytes.size())));
        break;
    case ValueField::DataSet:
        if (m.dataset) {
            auto *d = out->mutable_dataset_value();
            d->set_num_of_columns(m.dataset->columns.size());
            for (const QString &c : m.dataset->columns)
                d->add_columns(toStd(c));
            for (const std::uint32_t t : m.dataset->types)
                d->add_types(t);
            for (const auto &row : m.dataset->rows) {
                auto *r = d->add_rows();
                for (const QVariant &cell : row) {
                    auto *e = r->add_elements();
                    if (cell.typeId() == QMetaType::Bool)
                        e->set_boolean_value(cell.toBool());
                    else if (cell.typeId() == QMetaType::Double)
                        e->set_double_value(cell.toDouble());
                    else if (cell.typeId() == QMetaType::LongLong || cell.typeId() == QMetaType::ULongLong
                             || cell.typeId() == QMetaType::Int || cell.typeId() == QMetaType::UInt)
                        e->set_long_value(cell.toULongLong());
                    else
                        e->set_string_value(toStd(cell.toString()));
                }
            }
        }
        break;
    case ValueField::Template:
        if (m.templ && depth < kMaxDepth) {
            auto *t = out->mutable_template_value();
            if (!m.templ->version.isEmpty())
                t->set_version(toStd(m.templ->version));
            if (!m.templ->templateRef.isEmpty())
                t->set_template_ref(toStd(m.templ->templateRef));
            t->set_is_definition(m.templ->isDefinition);
            for (const Metric &member : m.templ->metrics)
                encodeMetric(member, t->add_metrics(), depth + 1);
        }
        break;
    }
}

template<typename T>
T readLe(const char *p)
{
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
        bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    T out;
    if constexpr (sizeof(T) == 8) {
        std::memcpy(&out, &bits, sizeof(T));
    } else {
        using U = std::conditional_t<sizeof(T) == 4, std::uint32_t,
                                     std::conditional_t<sizeof(T) == 2, std::uint16_t, std::uint8_t>>;
        const U narrow = static_cast<U>(bits);
        std::memcpy(&out, &narrow, sizeof(T));
    }
    return out;
}

template<typename T, typename Q>
bool unpack(const QByteArray &bytes, QVariantList *out)
{
    if (bytes.size() % static_cast<qsizetype>(sizeof(T)) != 0)
        return false;
    for (qsizetype i = 0; i < bytes.size(); i += static_cast<qsizetype>(sizeof(T)))
        out->push_back(QVariant::fromValue(static_cast<Q>(readLe<T>(bytes.constData() + i))));
    return true;
}

} // namespace

QString dataTypeName(DataType t)
{
    static const char *const names[] = {
        "Unknown", "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
        "Float", "Double", "Boolean", "String", "DateTime", "Text", "UUID", "DataSet", "Bytes",
        "File", "Template", "PropertySet", "PropertySetList", "Int8Array", "Int16Array",
        "Int32Array", "Int64Array", "UInt8Array", "UInt16Array", "UInt32Array", "UInt64Array",
        "FloatArray", "DoubleArray", "BooleanArray", "StringArray", "DateTimeArray"};
    const auto i = static_cast<std::uint32_t>(t);
    if (i < std::size(names))
        return QLatin1String(names[i]);
    return QStringLiteral("Unknown(%1)").arg(i);
}

bool isScalarNumeric(DataType t)
{
    const auto i = static_cast<std::uint32_t>(t);
    return (i >= 1 && i <= 11) || t == DataType::DateTime;
}

bool isArray(DataType t)
{
    const auto i = static_cast<std::uint32_t>(t);
    return i >= 22 && i <= 34;
}

bool Metric::toDouble(double *out) const
{
    if (isNull)
        return false;
    const std::uint32_t low32 = static_cast<std::uint32_t>(intBits);
    const bool isInt = field == ValueField::Int || field == ValueField::Long;
    switch (datatype) {
    // Sparkplug 3.0 carries signed types as two's complement in the unsigned fields. Some
    // publishers sign-extend Int8/Int16 to 32 bits, others send only the low byte(s): taking
    // the low bits reads both right.
    case DataType::Int8:
        if (!isInt) return false;
        *out = static_cast<std::int8_t>(static_cast<std::uint8_t>(low32));
        return true;
    case DataType::Int16:
        if (!isInt) return false;
        *out = static_cast<std::int16_t>(static_cast<std::uint16_t>(low32));
        return true;
    case DataType::Int32:
        if (!isInt) return false;
        *out = static_cast<std::int32_t>(low32);
        return true;
    case DataType::Int64:
        if (!isInt) return false;
        *out = static_cast<double>(static_cast<std::int64_t>(intBits));
        return true;
    case DataType::UInt8:
    case DataType::UInt16:
    case DataType::UInt32:
        if (!isInt) return false;
        *out = field == ValueField::Int ? static_cast<double>(low32) : static_cast<double>(intBits);
        return true;
    case DataType::UInt64:
        if (!isInt) return false;
        *out = static_cast<double>(intBits);
        return true;
    case DataType::DateTime:
        if (!isInt) return false;
        *out = static_cast<double>(static_cast<std::int64_t>(intBits));
        return true;
    case DataType::Float:
    case DataType::Double:
        if (field != ValueField::Float && field != ValueField::Double) return false;
        *out = floating;
        return true;
    case DataType::Boolean:
        if (field != ValueField::Boolean) return false;
        *out = boolean ? 1.0 : 0.0;
        return true;
    case DataType::String:
    case DataType::Text: {
        if (field != ValueField::String) return false;
        bool ok = false;
        const double v = string.trimmed().toDouble(&ok);
        if (!ok) return false;
        *out = v;
        return true;
    }
    default:
        return false;
    }
}

QString Metric::engineeringUnit() const
{
    static const char *const keys[] = {"engUnit", "engUnits", "EngUnit", "EngUnits",
                                       "engineering_units", "engineeringUnits", "unit", "units"};
    for (const char *k : keys) {
        for (const auto &[key, value] : properties) {
            if (key == QLatin1String(k) && value.typeId() == QMetaType::QString)
                return value.toString();
        }
    }
    return QString();
}

bool Metric::arrayValues(QVariantList *out) const
{
    out->clear();
    if (!isArray(datatype) || field != ValueField::Bytes)
        return false;
    switch (datatype) {
    case DataType::Int8Array: return unpack<std::int8_t, qlonglong>(bytes, out);
    case DataType::Int16Array: return unpack<std::int16_t, qlonglong>(bytes, out);
    case DataType::Int32Array: return unpack<std::int32_t, qlonglong>(bytes, out);
    case DataType::Int64Array: return unpack<std::int64_t, qlonglong>(bytes, out);
    case DataType::DateTimeArray: return unpack<std::int64_t, qlonglong>(bytes, out);
    case DataType::UInt8Array: return unpack<std::uint8_t, qulonglong>(bytes, out);
    case DataType::UInt16Array: return unpack<std::uint16_t, qulonglong>(bytes, out);
    case DataType::UInt32Array: return unpack<std::uint32_t, qulonglong>(bytes, out);
    case DataType::UInt64Array: return unpack<std::uint64_t, qulonglong>(bytes, out);
    case DataType::FloatArray: return unpack<float, double>(bytes, out);
    case DataType::DoubleArray: return unpack<double, double>(bytes, out);
    case DataType::BooleanArray: {
        // 4-byte little-endian element count, then the bits, most significant bit first.
        if (bytes.size() < 4)
            return false;
        const std::uint32_t count = readLe<std::uint32_t>(bytes.constData());
        if (static_cast<std::uint64_t>(count) > static_cast<std::uint64_t>(bytes.size() - 4) * 8)
            return false;
        for (std::uint32_t i = 0; i < count; ++i) {
            const auto byte = static_cast<unsigned char>(bytes.at(4 + static_cast<qsizetype>(i / 8)));
            out->push_back(QVariant(((byte >> (7 - i % 8)) & 1) != 0));
        }
        return true;
    }
    case DataType::StringArray: {
        // UTF-8 strings, each terminated by a NUL byte.
        if (!bytes.isEmpty() && !bytes.endsWith('\0'))
            return false;
        qsizetype start = 0;
        while (start < bytes.size()) {
            const qsizetype end = bytes.indexOf('\0', start);
            out->push_back(QVariant(QString::fromUtf8(bytes.constData() + start, end - start)));
            start = end + 1;
        }
        return true;
    }
    default:
        return false;
    }
}

QString Metric::summary() const
{
    if (isNull)
        return QStringLiteral("null");
    if (isArray(datatype)) {
        QVariantList values;
        if (!arrayValues(&values))
            return QStringLiteral("malformed %1 (%2 bytes)").arg(dataTypeName(datatype)).arg(bytes.size());
        QStringList parts;
        for (qsizetype i = 0; i < values.size() && i < 16; ++i)
            parts << values.at(i).toString();
        if (values.size() > 16)
            parts << QStringLiteral("... %1 more").arg(values.size() - 16);
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (field == ValueField::Template && templ)
        return QStringLiteral("template %1%2 (%3 members)")
                .arg(templ->templateRef.isEmpty() ? QStringLiteral("definition") : templ->templateRef,
                     templ->version.isEmpty() ? QString() : QStringLiteral(" v") + templ->version)
                .arg(templ->metrics.size());
    if (field == ValueField::DataSet && dataset)
        return QStringLiteral("dataset %1x%2").arg(dataset->rows.size()).arg(dataset->columns.size());
    double v = 0;
    if (toDouble(&v))
        return QString::number(v, 'g', 15);
    if (field == ValueField::String)
        return string;
    if (field == ValueField::Bytes)
        return QStringLiteral("%1 bytes").arg(bytes.size());
    return QStringLiteral("(no value)");
}

Metric Metric::number(const QString &name, DataType type, double value)
{
    Metric m;
    m.name = name;
    m.datatype = type;
    m.rawDatatype = static_cast<std::uint32_t>(type);
    if (!std::isfinite(value) && type != DataType::Float && type != DataType::Double) {
        m.isNull = true;
        return m;
    }
    switch (type) {
    case DataType::Int8:
    case DataType::Int16:
    case DataType::Int32:
        m.field = ValueField::Int;
        m.intBits = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::llround(value)));
        break;
    case DataType::UInt8:
    case DataType::UInt16:
    case DataType::UInt32:
        m.field = ValueField::Int;
        m.intBits = static_cast<std::uint32_t>(std::llround(std::max(0.0, value)));
        break;
    case DataType::Int64:
    case DataType::DateTime:
        m.field = ValueField::Long;
        m.intBits = static_cast<std::uint64_t>(std::llround(value));
        break;
    case DataType::UInt64:
        m.field = ValueField::Long;
        m.intBits = static_cast<std::uint64_t>(std::llround(std::max(0.0, value)));
        break;
    case DataType::Float:
        m.field = ValueField::Float;
        m.floating = static_cast<double>(static_cast<float>(value));
        break;
    case DataType::Boolean:
        m.field = ValueField::Boolean;
        m.boolean = value != 0.0;
        break;
    default:
        m.field = ValueField::Double;
        m.datatype = DataType::Double;
        m.rawDatatype = static_cast<std::uint32_t>(DataType::Double);
        m.floating = value;
        break;
    }
    return m;
}

Metric Metric::text(const QString &name, const QString &value)
{
    Metric m;
    m.name = name;
    m.datatype = DataType::String;
    m.rawDatatype = static_cast<std::uint32_t>(DataType::String);
    m.field = ValueField::String;
    m.string = value;
    return m;
}

const Metric *Payload::metric(const QString &name) const
{
    for (const Metric &m : metrics)
        if (m.name == name)
            return &m;
    return nullptr;
}

bool decode(const QByteArray &bytes, Payload *out, QString *error)
{
    *out = Payload();
    pb::Payload p;
    // ParseFromArray rejects malformed wire data; protobuf's own recursion limit (100) bounds
    // nesting before our kMaxDepth check sees it.
    if (!p.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()))) {
        *error = QStringLiteral("not a Sparkplug B protobuf payload (%1 bytes)").arg(bytes.size());
        return false;
    }
    if (p.has_timestamp())
        out->timestamp = p.timestamp();
    if (p.has_seq())
        out->seq = p.seq();
    out->uuid = fromStd(p.uuid());
    out->body = QByteArray(p.body().data(), static_cast<qsizetype>(p.body().size()));
    out->metrics.reserve(static_cast<std::size_t>(p.metrics_size()));
    for (const auto &m : p.metrics()) {
        Metric metric;
        if (!decodeMetric(m, &metric, 0, error)) {
            *out = Payload();
            return false;
        }
        out->metrics.push_back(std::move(metric));
    }
    return true;
}

QByteArray encode(const Payload &payload)
{
    pb::Payload p;
    if (payload.timestamp)
        p.set_timestamp(*payload.timestamp);
    if (payload.seq)
        p.set_seq(*payload.seq);
    if (!payload.uuid.isEmpty())
        p.set_uuid(toStd(payload.uuid));
    if (!payload.body.isEmpty())
        p.set_body(std::string(payload.body.constData(), static_cast<std::size_t>(payload.body.size())));
    for (const Metric &m : payload.metrics)
        encodeMetric(m, p.add_metrics(), 0);
    std::string out;
    p.SerializeToString(&out);
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

} // namespace andon::mqtt::sparkplug
