// Where Andon's KPI messages go (`publish:`, docs/integrations.md "KPIs back to the plant"): the
// UNS topic layout and, on a cloud connection, the MQTT topic the cloud accepts. Shared by the
// config loader (every KPI topic is checked against the cloud's rules at load) and the KPI
// publisher (engine/kpi_publisher). Pure functions.
#pragma once

#include "core/plant_model.h"

#include <QStringList>

namespace andon {

// Application property that carries the KPI topic on Azure IoT Hub, where a device may publish
// only on its device-to-cloud topic.
inline constexpr const char *kKpiTopicProperty = "kpi_topic";

// The topic of `leaf` ("oee/live", "state", ...) of the machine or line `entityPath`:
// [topic_prefix/]entityPath/kpi/leaf.
QString kpiTopic(const PublishSettings &settings, const QString &entityPath, const QString &leaf);

// Every topic the publisher may use for `model` (by `publish.what`), per line its machines in
// line order, then the line: oee/live, oee/shift, energy_per_unit/live, energy_per_unit/shift
// (whether or not meter data turns up later), and state for machines with a state tag.
QStringList kpiTopics(const PlantModel &model);

// The MQTT topic a KPI message for `topic` is published on over `connection`: the topic itself,
// or on Azure IoT Hub the device-to-cloud topic with the KPI topic as the application property
// kpi_topic (and content type application/json, encoding utf-8, so that IoT Hub routing can
// query the body).
QString kpiWireTopic(const MqttConnection &connection, const QString &topic);

// The retain flag sent over `connection`: IoT Hub keeps no retained messages (it would only
// add an mqtt-retain property), so false there; else the configured one.
bool kpiWireRetain(const MqttConnection &connection, bool retain);

} // namespace andon
