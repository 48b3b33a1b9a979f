// What makes a configured connection insecure, in one place for the config check, the
// main-window banner and the Connections page (docs/security.md "Secrets and TLS").
#pragma once

#include "core/plant_model.h"

#include <QString>

#include <vector>

namespace andon {

// 127.0.0.0/8, ::1 (also written in full, in brackets or as ::ffff:127.x.y.z) and
// "localhost". Parsed by hand: no name resolution, so "localhost" is the only name accepted.
bool isLoopbackHost(QString host);

// One reason a connection is less secure than the default. The UI words it.
struct SecurityNotice
{
    enum class Kind {
        TlsHostnameUnchecked, // tls.insecure: true
        PlainRemote,          // no TLS to a host that is not loopback
        InlinePassword,       // `password:` written in the configuration file
    };
    Kind kind = Kind::PlainRemote;
    QString connection; // connection id
    QString detail;     // host for PlainRemote, "file:line" for InlinePassword
};

std::vector<SecurityNotice> securityNotices(const MqttConnection &c);
std::vector<SecurityNotice> securityNotices(const PlantModel &model);

} // namespace andon
