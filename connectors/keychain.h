// Secrets in the OS keychain through qtkeychain (libsecret / Secret Service on Linux, the
// macOS keychain, Windows Credential Manager): entries are named SERVICE/ACCOUNT in the
// configuration (docs/security.md "Secrets and TLS"). Reads are asynchronous: a network
// thread polls a KeychainSecret while the read runs on the owner's event loop, so a missing
// entry or an absent secret service ends in words, never in a hang.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <mutex>

namespace andon::secrets {

// "SERVICE/ACCOUNT" split at the first '/'; false when either part is empty.
bool splitKeychainRef(const QString &ref, QString *service, QString *account);

// One keychain entry, read on this object's thread (which must run an event loop) on demand.
// Owned by whoever needs the secret (the credentials of one MQTT connection).
class KeychainSecret : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Pending, Ready, Failed };

    // `ref` is SERVICE/ACCOUNT; `timeoutMs` bounds one read (no secret service answering).
    explicit KeychainSecret(const QString &ref, int timeoutMs = 15000, QObject *parent = nullptr);

    // Thread-safe. Ready: `*value` is the secret. Pending: a read is under way (poll again).
    // Failed: `*error` says why, naming the entry; the next poll starts a new read.
    State poll(QByteArray *value, QString *error);
    QString ref() const { return m_ref; }

private:
    void startRead(); // on this object's thread

    const QString m_ref;
    const int m_timeoutMs;
    std::mutex m_mutex;
    State m_state = State::Idle;
    QByteArray m_value;
    QString m_error;
    quint64 m_generation = 0; // a read that timed out must not overwrite a newer one
};

// Blocking helpers for andon-cli (they spin a local event loop, bounded by `timeoutMs`).
bool writeKeychainSecret(const QString &ref, const QByteArray &secret, QString *error,
                         int timeoutMs = 15000);
bool readKeychainSecret(const QString &ref, QByteArray *secret, QString *error,
                        int timeoutMs = 15000);

} // namespace andon::secrets
