#include "connectors/keychain.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeychain, "andon.secrets")

namespace andon::secrets {

namespace {

// The words for a failed job, naming the entry and what to do about it. Never the secret.
QString describe(const QString &ref, QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::EntryNotFound:
        return QStringLiteral("keychain entry %1 not found (store it with: andon-cli secret set "
                              "--keychain %1)")
                .arg(ref);
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("keychain entry %1: no keychain available (no Secret Service on "
                              "the session D-Bus, e.g. no unlocked gnome-keyring or KWallet): %2")
                .arg(ref, detail);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("keychain entry %1: access denied (%2)").arg(ref, detail);
    case QKeychain::OtherError:
        // libsecret without a session bus says "Cannot autolaunch D-Bus without X11 $DISPLAY".
        if (detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("DBus"), Qt::CaseInsensitive))
            return QStringLiteral("keychain entry %1: no keychain available (no Secret Service "
                                  "on the session D-Bus, e.g. no unlocked gnome-keyring or "
                                  "KWallet): %2")
                    .arg(ref, detail);
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NotImplemented:
    case QKeychain::NoError:
        break;
    }
    return QStringLiteral("keychain entry %1: %2").arg(ref, detail);
}

// Runs one job to completion on a local event loop, bounded by timeoutMs. The result is
// taken in the finished handler: an autoDelete job is gone soon after.
bool runBlocking(QKeychain::Job *job, const QString &ref, int timeoutMs, QString *error,
                 QByteArray *data = nullptr)
{
    QEventLoop loop;
    bool finished = false;
    QKeychain::Error code = QKeychain::NoError;
    QString detail;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *j) {
        finished = true;
        code = j->error();
        detail = j->errorString();
        if (data && code == QKeychain::NoError)
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                *data = read->binaryData();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!finished) {
        *error = QStringLiteral("keychain entry %1: no answer from the keychain within %2 s")
                         .arg(ref)
                         .arg(timeoutMs / 1000);
        return false;
    }
    if (code != QKeychain::NoError) {
        *error = describe(ref, code, detail);
        return false;
    }
    return true;
}

} // namespace

bool splitKeychainRef(const QString &ref, QString *service, QString *account)
{
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash == ref.size() - 1)
        return false;
    *service = ref.left(slash);
    *account = ref.mid(slash + 1);
    return true;
}

KeychainSecret::KeychainSecret(const QString &ref, int timeoutMs, QObject *parent)
    : QObject(parent), m_ref(ref), m_timeoutMs(timeoutMs)
{
}

KeychainSecret::State KeychainSecret::poll(QByteArray *value, QString *error)
{
    std::lock_guard lock(m_mutex);
    switch (m_state) {
    case State::Ready:
        *value = m_value;
        return State::Ready;
    case State::Pending:
        return State::Pending;
    case State::Failed:
        *error = m_error;
        m_state = State::Idle; // tried again at the next poll (e.g. after `secret set`)
        return State::Failed;
    case State::Idle:
        break;
    }
    m_state = State::Pending;
    QMetaObject::invokeMethod(this, &KeychainSecret::startRead, Qt::QueuedConnection);
    return State::Pending;
}

void KeychainSecret::startRead()
{
    QString service, account;
    quint64 generation = 0;
    {
        std::lock_guard lock(m_mutex);
        generation = ++m_generation;
        if (!splitKeychainRef(m_ref, &service, &account)) {
            m_state = State::Failed;
            m_error = QStringLiteral("keychain entry %1: expected SERVICE/ACCOUNT").arg(m_ref);
            return;
        }
    }
    // No parent: the job deletes itself when it finishes (autoDelete), even after a timeout
    // gave up on it, so a late answer never touches a deleted object.
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(account);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file instead of the keychain
    connect(job, &QKeychain::Job::finished, this, [this, job, generation] {
        std::lock_guard lock(m_mutex);
        if (generation != m_generation || m_state != State::Pending)
            return;
        if (job->error() == QKeychain::NoError) {
            m_value = job->binaryData();
            m_state = State::Ready;
            qCDebug(lcKeychain).noquote() << "read keychain entry" << m_ref;
        } else {
            m_error = describe(m_ref, job->error(), job->errorString());
            m_state = State::Failed;
        }
    });
    QTimer::singleShot(m_timeoutMs, this, [this, generation] {
        std::lock_guard lock(m_mutex);
        if (generation != m_generation || m_state != State::Pending)
            return;
        ++m_generation; // a late answer of this read is ignored
        m_error = QStringLiteral("keychain entry %1: no answer from the keychain within %2 s")
                          .arg(m_ref)
                          .arg(m_timeoutMs / 1000);
        m_state = State::Failed;
    });
    job->start();
}

bool writeKeychainSecret(const QString &ref, const QByteArray &secret, QString *error,
                         int timeoutMs)
{
    QString service, account;
    if (!splitKeychainRef(ref, &service, &account)) {
        *error = QStringLiteral("expected SERVICE/ACCOUNT, got %1").arg(ref);
        return false;
    }
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    job->setBinaryData(secret);
    return runBlocking(job, ref, timeoutMs, error);
}

bool readKeychainSecret(const QString &ref, QByteArray *secret, QString *error, int timeoutMs)
{
    QString service, account;
    if (!splitKeychainRef(ref, &service, &account)) {
        *error = QStringLiteral("expected SERVICE/ACCOUNT, got %1").arg(ref);
        return false;
    }
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(account);
    return runBlocking(job, ref, timeoutMs, error, secret);
}

} // namespace andon::secrets
