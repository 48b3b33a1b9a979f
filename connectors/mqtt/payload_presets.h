// Decoders for the MQTT payload presets (core/payload_preset.h): ChirpStack v4 and The Things
// Stack v3 LoRaWAN uplinks, ifm IoT Core IO-Link notifications, edge-gateway tag lists.
// Pure functions on an already parsed JSON document; used by PayloadDecoder.
// Formats and their sources: docs/integrations.md, tests/data/integrations/README.md.
#pragma once

#include "core/payload_preset.h"
#include "core/sample.h"

#include <QJsonValue>
#include <QString>

namespace andon::mqtt {

struct PresetResult
{
    enum class Kind : std::uint8_t {
        Skip,  // the message is not for this binding (another device or tag id): no sample
        Value, // value, time and quality below
        Error, // `error` says why; the sample gets NaN with quality `q`
    };
    Kind kind = Kind::Skip;
    double value = 0.0; // raw: the binding's scale/offset and analog mapping still apply
    TimestampMs t = 0;
    Quality q = Quality::Good;
    QString error; // "" unless Error, or a Value with a doubtful quality/timestamp
};

// Decodes one binding's value from `root`. `exactTopic`: the binding's topic has no wildcard,
// so a message from another device than the binding's dev_eui is an error rather than
// someone else's uplink. `receivedMs`: Andon's receive time (default time; rx_delay).
PresetResult decodePreset(const PresetBinding &preset, const QJsonValue &root, bool exactTopic,
                          TimestampMs receivedMs);

// Process data of an IO-Link port given as hex ("03E8FF00", as ifm's pdin): `bitLength` bits
// from `bitOffset` (counted from the least significant bit of the last byte, IODD style),
// two's complement when `isSigned`. False with `error` set when the bits are outside the data
// or the text is not hex.
bool ioLinkField(const QString &hex, int bitOffset, int bitLength, bool isSigned, double *out,
                 QString *error);

} // namespace andon::mqtt
