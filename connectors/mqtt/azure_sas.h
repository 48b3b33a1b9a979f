// Shared access signature (SAS) tokens for a device on Azure IoT Hub, made from the device's
// symmetric key, after Microsoft's "Control access to IoT Hub with shared access signatures"
// (https://learn.microsoft.com/azure/iot-hub/authenticate-authorize-sas):
//   SharedAccessSignature sr={URL-encoded resourceURI}&sig={URL-encoded signature}&se={expiry}
//   resourceURI = {host}/devices/{deviceId}
//   signature   = base64(HMAC-SHA256(base64-decoded key, URL-encoded resourceURI + "\n" + expiry))
// Pure functions; tests/reference/azure_sas.py computes the same tokens independently.
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace andon::mqtt::azure {

// The token valid until `expiryS` (seconds since 1970-01-01 UTC). `key` is the decoded key.
QString sasToken(const QString &host, const QString &deviceId, const QByteArray &key,
                 qint64 expiryS);

// The device key from its base64 text (as the Azure portal shows it); nullopt when it is not
// base64 or empty.
std::optional<QByteArray> decodeDeviceKey(const QByteArray &base64);

// The `se` (expiry, epoch seconds) of a token; nullopt when the text is not a SAS token.
std::optional<qint64> sasTokenExpiry(const QString &token);

} // namespace andon::mqtt::azure
