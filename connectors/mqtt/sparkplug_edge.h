// Sparkplug B 3.0 edge node side, for andon-sim: one node with one device per machine of a
// PlantModel (node-level metrics for tags outside machines). Builds NBIRTH/DBIRTH/DDATA/NDATA/
// NDEATH payloads with aliases, seq and bdSeq, and recognises rebirth commands. No I/O; owned
// and used by one thread (the simulator's main loop).
#pragma once

#include "connectors/mqtt/sparkplug_host.h"
#include "core/plant_model.h"

#include <memory>
#include <vector>

namespace andon::mqtt {

class SparkplugEdge
{
public:
    SparkplugEdge(std::shared_ptr<const PlantModel> model, QString group, QString node,
                  std::uint64_t bdSeq);

    // Device id of a machine: its name with the characters MQTT reserves replaced by '_'.
    static QString deviceId(const Machine &machine);
    // Metric alias of a tag (stable: the tag id + 1, so alias 0 is never used).
    static std::uint64_t alias(TagId tag) { return static_cast<std::uint64_t>(tag) + 1; }

    QString group() const { return m_group; }
    QString node() const { return m_node; }
    std::uint64_t bdSeq() const { return m_bdSeq; }
    QString commandTopic() const; // spBv1.0/GROUP/NCMD/NODE: subscribe to receive rebirths

    // NDEATH with this session's bdSeq: the MQTT Last-Will, and sent before a clean exit.
    SparkplugPublish death(TimestampMs now) const;
    // NBIRTH (seq 0) and one DBIRTH per machine, with every metric, its alias, datatype,
    // engineering unit and last known value (null before the first sample).
    std::vector<SparkplugPublish> births(TimestampMs now);
    // DDATA per machine (NDATA for tags outside machines) by alias, next seq numbers.
    std::vector<SparkplugPublish> data(const SampleBatch &batch);
    // True for an NCMD on commandTopic() carrying "Node Control/Rebirth" = true.
    bool isRebirthCommand(const QString &topic, const QByteArray &payload) const;

private:
    std::uint64_t nextSeq();

    std::shared_ptr<const PlantModel> m_model;
    QString m_group;
    QString m_node;
    std::uint64_t m_bdSeq = 0;
    std::uint64_t m_seq = 0;
    std::vector<double> m_last;   // by TagId, NaN = none
    std::vector<char> m_lastBad;  // last sample had Bad quality
};

} // namespace andon::mqtt
