// MqttClientOptions for a configured MQTT connection, with its secrets resolved at connect
// time on the client's network thread: the password from the environment, the OS keychain
// or (with a warning at load) the configuration; the TLS key passphrase; for Azure IoT Hub a
// SAS token made from the device key and renewed at 80 % of its lifetime. Used by the Engine
// and the Browse broker window, so both connect the same way.
#pragma once

#include "connectors/mqtt/mqtt_client.h"
#include "core/plant_model.h"

namespace andon {
class Clock;
}

namespace andon::mqtt {

// Fraction of a SAS token's lifetime after which the client connects again with a new one.
inline constexpr double kSasRenewFraction = 0.8;

// `clock` (null = system) is the time base of SAS expiry and renewal. Keychain reads run on
// the calling thread's event loop.
MqttClientOptions clientOptionsFor(const MqttConnection &c, const Clock *clock = nullptr);

} // namespace andon::mqtt
