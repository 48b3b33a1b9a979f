// A throw-away PKI made with openssl at test time: CAs, server certificates for 127.0.0.1 and
// client certificates (optionally with an encrypted key), in a temporary directory the broker
// can read. For the TLS, secrets and cloud-profile tests (tst_mqtt_tls, tst_secrets_mqtt).
#pragma once

#include "tests/integration/mqtt_test_helpers.h"

#include <QFile>
#include <QTemporaryDir>

namespace andon::test {

class TestPki
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A self-signed CA: NAME.crt, NAME.key.
    bool makeCa(const QString &name, const QString &commonName, QString *error)
    {
        return openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                         QStringLiteral("-out"), name + QStringLiteral(".crt"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=") + commonName },
                       error);
    }

    // NAME.crt / NAME.key signed by CA `ca`. A server certificate when `san` is given
    // ("IP:127.0.0.1"), else a client certificate with CN=commonName. A non-empty
    // `passphrase` encrypts the key (AES-256, PKCS#8).
    bool issue(const QString &name, const QString &ca, const QString &commonName,
               const QString &san, const QString &passphrase, QString *error)
    {
        QFile ext(path(name + QStringLiteral(".ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write(san.isEmpty() ? QByteArray("extendedKeyUsage=clientAuth\n")
                                : "subjectAltName=" + san.toUtf8() + "\nextendedKeyUsage=serverAuth\n");
        ext.close();
        const QString plainKey = name + (passphrase.isEmpty() ? QStringLiteral(".key")
                                                              : QStringLiteral(".plain.key"));
        bool ok = openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                            QStringLiteral("-nodes"), QStringLiteral("-keyout"), plainKey,
                            QStringLiteral("-out"), name + QStringLiteral(".csr"),
                            QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName },
                          error)
                && openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                             name + QStringLiteral(".csr"), QStringLiteral("-CA"), ca + QStringLiteral(".crt"),
                             QStringLiteral("-CAkey"), ca + QStringLiteral(".key"),
                             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                             QStringLiteral("-out"), name + QStringLiteral(".crt"),
                             QStringLiteral("-extfile"), name + QStringLiteral(".ext") },
                           error);
        if (ok && !passphrase.isEmpty()) {
            // The passphrase goes through a file, not the command line.
            QFile pass(path(name + QStringLiteral(".pass")));
            if (!pass.open(QIODevice::WriteOnly))
                return false;
            pass.write(passphrase.toUtf8());
            pass.close();
            ok = openssl({ QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
                           QStringLiteral("aes-256-cbc"), QStringLiteral("-in"), plainKey,
                           QStringLiteral("-out"), name + QStringLiteral(".key"),
                           QStringLiteral("-passout"), QStringLiteral("file:") + name + QStringLiteral(".pass") },
                         error);
            QFile::remove(path(plainKey));
            QFile::remove(pass.fileName());
        }
        return ok;
    }

    void makeReadable() { makeReadableByBroker(m_dir.path()); }

private:
    bool openssl(const QStringList &args, QString *error)
    {
        return runTool(QStringLiteral("openssl"), args, error, m_dir.path());
    }

    QTemporaryDir m_dir;
};

// Listener lines for a TLS broker with this PKI's `ca` and server certificate `server`.
inline QString tlsListener(const TestPki &pki, const QString &ca, const QString &server,
                           bool requireCertificate)
{
    return QStringLiteral("cafile %1\ncertfile %2\nkeyfile %3\nrequire_certificate %4\n")
            .arg(pki.path(ca + QStringLiteral(".crt")), pki.path(server + QStringLiteral(".crt")),
                 pki.path(server + QStringLiteral(".key")),
                 requireCertificate ? QStringLiteral("true") : QStringLiteral("false"));
}

} // namespace andon::test
