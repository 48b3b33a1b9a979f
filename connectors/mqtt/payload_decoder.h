// Turns one MQTT message into samples using the tag bindings of the plant model:
// plain number, boolean, enum name or JSON with JSON Pointers for value, timestamp, quality.
// Pure functions: no I/O, safe on any thread.
#pragma once

#include "core/plant_model.h"

#include <QByteArray>
#include <QString>

namespace andon::mqtt {

struct DecodeResult
{
    SampleBatch samples; // one per binding that matched; Bad quality ones included
    QString error;       // first problem in words ("" = none), e.g. "/value: not a number"
};

// Index of bindings by topic filter, built once per plant model.
class PayloadDecoder
{
public:
    explicit PayloadDecoder(std::shared_ptr<const PlantModel> model);

    // Subscription filters needed for one connection (deduplicated).
    QStringList topicFilters(const QString &connectionId) const;

    // Decodes a message from `connectionId`. A malformed payload yields, for every tag bound
    // to the topic, a sample with value NaN and Quality::BadDecodeError, plus a readable error
    // naming the reason (the caller logs it with the topic).
    DecodeResult decode(const QString &connectionId, const QString &topic,
                        const QByteArray &payload, TimestampMs receivedMs) const;

private:
    struct Entry
    {
        QString connection;
        QString filter;
        bool wildcard = false;
        TagId tag = kInvalidTag;
    };
    std::shared_ptr<const PlantModel> m_model;
    std::vector<Entry> m_entries;
    QHash<QString, std::vector<int>> m_exact; // "connection\ntopic" -> entry indexes
};

} // namespace andon::mqtt
