// Sample, TagId, Quality and time: the value types every layer exchanges.
// Owned by nobody in particular: plain values, copied and batched.
#pragma once

#include <cstdint>
#include <vector>

#include <QString>

namespace andon {

// UTC milliseconds since the Unix epoch. Everything inside Andon uses this; only views and
// shift calendars convert to the plant's time zone.
using TimestampMs = std::int64_t;

// Index of a tag in the loaded PlantModel (0..tagCount-1). The historian maps it to its own
// stable id by the tag's ISA-95 path, so reordering the config never mixes up history.
using TagId = std::uint32_t;
inline constexpr TagId kInvalidTag = 0xFFFFFFFFu;

// Data quality after OPC UA Part 4 §7.39 (StatusCode severity Good/Uncertain/Bad), reduced to
// one byte: the two top bits are the severity (00 Good, 01 Uncertain, 10 Bad), the rest the
// sub-code. Stored as-is in the historian, so values must never be renumbered.
enum class Quality : std::uint8_t {
    Good = 0x00,
    GoodLocalOverride = 0x01,

    Uncertain = 0x40,
    UncertainLastKnown = 0x41,        // OPC UA Uncertain_LastUsableValue
    UncertainSensorNotAccurate = 0x42, // Uncertain_SensorNotAccurate
    UncertainEuExceeded = 0x43,       // Uncertain_EngineeringUnitsExceeded (outside range)
    UncertainSubNormal = 0x44,        // Uncertain_SubNormal

    Bad = 0x80,
    BadConfigError = 0x81,   // Bad_ConfigurationError
    BadNotConnected = 0x82,  // Bad_NotConnected
    BadDeviceFailure = 0x83, // Bad_DeviceFailure
    BadSensorFailure = 0x84, // Bad_SensorFailure
    BadCommFailure = 0x85,   // Bad_CommunicationError / Bad_NoCommunication
    BadOutOfService = 0x86,  // Bad_OutOfService
    BadStale = 0x87,         // source silent longer than the tag's staleness timeout
    BadDecodeError = 0x88,   // Bad_DecodingError: the payload could not be parsed
};

enum class QualitySeverity : std::uint8_t { Good, Uncertain, Bad };

constexpr QualitySeverity severity(Quality q)
{
    const auto raw = static_cast<std::uint8_t>(q);
    if (raw & 0x80)
        return QualitySeverity::Bad;
    if (raw & 0x40)
        return QualitySeverity::Uncertain;
    return QualitySeverity::Good;
}
constexpr bool isGood(Quality q) { return severity(q) == QualitySeverity::Good; }
constexpr bool isBad(Quality q) { return severity(q) == QualitySeverity::Bad; }

// Short stable identifier ("good", "bad_stale", ...) used in CSV/JSON and the command line.
QString qualityName(Quality q);
// Parses qualityName() output, a severity word ("good"/"uncertain"/"bad") or a number (0-255).
bool parseQuality(const QString &text, Quality *out);
// Human description for tooltips, e.g. "Stale: no update within the timeout". Translated.
QString qualityDescription(Quality q);

struct Sample
{
    TagId tag = kInvalidTag;
    TimestampMs t_ms = 0;
    double value = 0.0;
    Quality q = Quality::Good;

    friend bool operator==(const Sample &, const Sample &) = default;
};

// Samples always travel in batches between threads, never one by one.
using SampleBatch = std::vector<Sample>;

// Current UTC time in ms (wall clock). Code that needs testable time takes a Clock instead.
TimestampMs nowUtcMs();

// Parses ISO-8601 (with 'Z' or an offset; without one it is taken as UTC) or epoch
// milliseconds. Returns false on anything else.
bool parseTimestamp(const QString &text, TimestampMs *out);
// ISO-8601 UTC with milliseconds, e.g. 2026-11-25T19:50:14.123Z.
QString formatTimestampUtc(TimestampMs t);

} // namespace andon
