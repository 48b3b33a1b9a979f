// MQTT payload presets: the fixed JSON shapes of common sources (LoRaWAN network servers,
// IO-Link masters, edge gateways) that a tag binding names instead of JSON Pointers
// (`mqtt: { preset: chirpstack-v4, dev_eui: ..., field: ... }`, docs/integrations.md).
// Plain configuration values, part of MqttBinding; decoded by connectors/mqtt/payload_presets.
#pragma once

#include <cstdint>

#include <QString>
#include <QStringList>

namespace andon {

enum class PayloadPreset : std::uint8_t {
    ChirpStackV4, // ChirpStack v4 MQTT integration, JSON "up" event
    TtnV3,        // The Things Stack v3 MQTT server, JSON uplink message
    IoLink,       // ifm IoT Core notification (AL13xx/AL19xx IO-Link masters, mqtt:// callback)
    EdgeGateway,  // gateway republishing PLC tags: {"timestamp", "values": [{id, v, q, t}]}
};
QString payloadPresetName(PayloadPreset p); // "chirpstack-v4", "ttn-v3", "io-link", "edge-gateway"
bool parsePayloadPreset(const QString &name, PayloadPreset *out);
QStringList payloadPresetNames();

// LoRaWAN diagnostic fields a tag may take instead of a decoded field.
// rssi (dBm) and snr (dB) of the best gateway (highest RSSI), gateways (how many received the
// uplink), f_cnt (frame counter; gaps are lost uplinks), rx_delay (ms from the gateway's
// receive time to Andon's receive time).
QStringList loraDiagnosticFields();

struct PresetBinding
{
    PayloadPreset preset = PayloadPreset::ChirpStackV4;
    // LoRaWAN: the device EUI (16 hex digits, compared case-insensitively); "" = any device.
    QString devEui;
    // LoRaWAN: a field of the decoded payload ("temperature"; "a/b" for nested objects) or a
    // diagnostic (loraDiagnosticFields()). Edge gateway: the tag id ("Channel1.Device1.Tag1");
    // "" = the payload is one value object {"v", "q", "t"} (one topic per tag).
    QString field;
    // IO-Link: master port (1-based, as printed on the master) whose process data in (pdin)
    // the tag reads; the value is `bitLength` bits at `bitOffset` counted from the least
    // significant bit of the last byte (as an IODD RecordItem's bitOffset), or at `byteOffset`
    // bytes from the first byte (-1 = not used), two's complement when `isSigned`.
    int port = 0;
    int bitOffset = -1;
    int byteOffset = -1;
    int bitLength = 0;
    bool isSigned = false;

    friend bool operator==(const PresetBinding &, const PresetBinding &) = default;
};

} // namespace andon
