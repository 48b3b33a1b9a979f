#include "core/payload_preset.h"

#include <array>
#include <utility>

namespace andon {

namespace {

constexpr std::array<std::pair<PayloadPreset, const char *>, 4> kPresets { {
    { PayloadPreset::ChirpStackV4, "chirpstack-v4" },
    { PayloadPreset::TtnV3, "ttn-v3" },
    { PayloadPreset::IoLink, "io-link" },
    { PayloadPreset::EdgeGateway, "edge-gateway" },
} };

} // namespace

QString payloadPresetName(PayloadPreset p)
{
    for (const auto &[value, name] : kPresets) {
        if (value == p)
            return QLatin1String(name);
    }
    return QString();
}

bool parsePayloadPreset(const QString &name, PayloadPreset *out)
{
    for (const auto &[value, text] : kPresets) {
        if (name == QLatin1String(text)) {
            *out = value;
            return true;
        }
    }
    return false;
}

QStringList payloadPresetNames()
{
    QStringList out;
    for (const auto &entry : kPresets)
        out << QLatin1String(entry.second);
    return out;
}

QStringList loraDiagnosticFields()
{
    return { QStringLiteral("rssi"), QStringLiteral("snr"), QStringLiteral("gateways"),
        QStringLiteral("f_cnt"), QStringLiteral("rx_delay") };
}

} // namespace andon
