// Rules of the cloud brokers Andon connects to as a device (`profile:` on an MQTT connection,
// docs/integrations.md "Cloud brokers"): AWS IoT Core topic quotas and Azure IoT Hub's fixed
// names. Pure functions, used by the config loader and by whoever publishes to such a broker.
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace andon::cloud {

// AWS IoT Core message broker and protocol limits and quotas
// (https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits):
inline constexpr int kAwsMaxTopicBytes = 256;    // "Topic size": UTF-8 bytes
inline constexpr int kAwsMaxTopicSlashes = 7;    // "Maximum number of slashes in topic and topic
                                                 // filter"; Basic Ingest's $aws/rules/NAME/ is
                                                 // not counted
inline constexpr int kAwsMaxClientIdBytes = 128; // "Client ID size"
inline constexpr int kAwsMinKeepAliveS = 30;     // "Keep-alive period" 30..1200 s
inline constexpr int kAwsMaxKeepAliveS = 1200;
inline constexpr int kCloudMaxQos = 1;           // neither AWS IoT Core nor IoT Hub has QoS 2

// "" when `topic` (a topic, or a filter when !publish) is acceptable to AWS IoT Core for the
// thing `thingName`, else the reason in words. Publishing under $aws/ is allowed only to the
// thing's own shadow and jobs topics and to Basic Ingest ($aws/rules/NAME/...).
QString awsTopicProblem(const QString &topic, bool publish, const QString &thingName);

// Azure IoT Hub over MQTT 3.1.1 (https://learn.microsoft.com/azure/iot/iot-mqtt-connect-to-iot-hub).
inline constexpr const char *kAzureApiVersion = "2021-04-12";
QString azureHost(const QString &hub);                      // "{hub}.azure-devices.net"
QString azureUsername(const QString &host, const QString &deviceId);
QString azureEventsTopic(const QString &deviceId);          // device-to-cloud
// The device-to-cloud topic with a property bag: devices/{id}/messages/events/k1=v1&k2=v2,
// names and values percent-encoded (RFC 3986; a name's '$' kept for system properties such as
// $.ct content type and $.ce content encoding), in the given order.
QString azureEventsTopic(const QString &deviceId,
                         const QList<std::pair<QString, QString>> &properties);
QString azureDeviceboundFilter(const QString &deviceId);    // cloud-to-device subscription
QString azureDeviceboundPrefix(const QString &deviceId);    // "devices/ID/messages/devicebound/"

} // namespace andon::cloud
