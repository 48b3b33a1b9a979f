// The local users of one Andon installation: a small SQLite file (mode 0600) holding names,
// roles, Argon2id password hashes and the lock-out counters. Pure storage: hashing, policy
// and audit are engine/access_control.h's. Owned by AccessControl; not thread-safe.
#pragma once

#include "core/permissions.h"
#include "core/sample.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace andon::storage {

struct UserRecord
{
    QString name;            // unique, compared case-insensitively
    Role role = Role::Viewer;
    QString passwordHash;    // crypto_pwhash_str output ("$argon2id$v=19$m=...")
    bool disabled = false;
    int failedAttempts = 0;  // failed sign-ins in a row
    TimestampMs lockedUntilMs = 0;
    TimestampMs createdMs = 0;
    TimestampMs passwordChangedMs = 0;
    TimestampMs lastLoginMs = 0;
};

class UserStore
{
public:
    // Opens `path`, creating it (mode 0600, schema kSchemaVersion) when missing. A file that
    // is not an Andon users store, is damaged, is newer than this build or cannot be read
    // gives null and *error naming the file. Never replaces such a file: a fresh empty store
    // would let anyone create the first administrator.
    static std::unique_ptr<UserStore> open(const QString &path, QString *error);
    ~UserStore();

    UserStore(const UserStore &) = delete;
    UserStore &operator=(const UserStore &) = delete;

    QString path() const;
    // -1 with *error when the file cannot be read.
    int count(QString *error = nullptr) const;
    // The user called `name` (case-insensitive); nullopt when there is none or on a read
    // error (then *error is set).
    std::optional<UserRecord> find(const QString &name, QString *error = nullptr) const;
    // Every user, sorted by name.
    std::vector<UserRecord> all(QString *error = nullptr) const;
    // Adds a new user; false with *error when the name exists or the write fails.
    bool insert(const UserRecord &user, QString *error);
    // Rewrites every column of the existing user `user.name`; false + *error when absent.
    bool update(const UserRecord &user, QString *error);
    // One change and its audit entry commit together: begin(), change, append the audit
    // event, then commit() - or rollback() when the audit entry could not be written.
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

    static constexpr int kSchemaVersion = 1;
    // PRAGMA application_id of every Andon users store: "ANDU".
    static constexpr int kApplicationId = 0x414E4455;

private:
    UserStore();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace andon::storage
