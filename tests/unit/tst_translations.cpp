// Translations: every German and Spanish string is translated (none unfinished or empty), and
// every tr() string in the UI sources is in the .ts files (lupdate is run on the sources into
// a temporary file and compared), so a new string cannot ship untranslated unnoticed.
#include "tests/support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kLupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");

struct TsMessage
{
    QString context;
    QString source;
    QString translation;
    QString type; // "", "unfinished", "obsolete", "vanished"
};

// Parses a Qt Linguist .ts file; returns false + *error on malformed XML.
bool parseTs(const QString &path, QList<TsMessage> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = TsMessage{context, {}, {}, {}};
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            out->append(current);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

QString key(const TsMessage &m)
{
    return m.context + QStringLiteral(" | ") + m.source;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void complete_data();
    void complete();
    void everySourceStringIsInTheTsFiles_data();
    void everySourceStringIsInTheTsFiles();
    void parserDetectsUnfinished();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("path");
    for (const char *lang : {"de", "es"}) {
        QTest::newRow(lang) << andon::test::sourceDir() + QStringLiteral("/translations/andon_")
                + QString::fromLatin1(lang) + QStringLiteral(".ts");
    }
}

void TestTranslations::complete()
{
    QFETCH(QString, path);
    QList<TsMessage> messages;
    QString error;
    QVERIFY2(parseTs(path, &messages, &error), qPrintable(error));
    QVERIFY2(messages.size() > 50, qPrintable(path));
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
            continue;
        if (m.type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: ") + key(m);
        else if (m.translation.trimmed().isEmpty())
            problems << QStringLiteral("empty: ") + key(m);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(path + QStringLiteral("\n") + problems.join(u'\n')));
}

void TestTranslations::everySourceStringIsInTheTsFiles_data()
{
    complete_data();
}

void TestTranslations::everySourceStringIsInTheTsFiles()
{
    QFETCH(QString, path);
    QVERIFY2(QFileInfo::exists(kLupdate), "lupdate not found (package qt6-l10n-tools)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    const QString src = andon::test::sourceDir();
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    // The same sources as qt_add_translations(andon ...) in app/CMakeLists.txt, by folder, so a
    // new file in these folders is covered even before it is added there.
    lupdate.start(kLupdate, {src + QStringLiteral("/ui"), src + QStringLiteral("/widgets"),
                             src + QStringLiteral("/models"),
                             src + QStringLiteral("/app/andon_main.cpp"),
                             src + QStringLiteral("/core/sample.cpp"),
                             // Include path so lupdate sees the namespaces in the headers
                             // (contexts are "andon::ui::MainWindow", not "MainWindow").
                             QStringLiteral("-I"), src,
                             QStringLiteral("-locations"), QStringLiteral("none"),
                             QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForFinished(120'000), "lupdate did not finish within 120 s");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    QList<TsMessage> expected;
    QList<TsMessage> committed;
    QString error;
    QVERIFY2(parseTs(fresh, &expected, &error), qPrintable(error));
    QVERIFY2(parseTs(path, &committed, &error), qPrintable(error));
    QVERIFY2(!expected.isEmpty(), "lupdate found no tr() strings: wrong source paths?");
    QSet<QString> have;
    for (const TsMessage &m : committed) {
        if (m.type != QLatin1String("obsolete") && m.type != QLatin1String("vanished"))
            have.insert(key(m));
    }
    QStringList missing;
    for (const TsMessage &m : expected) {
        if (!have.contains(key(m)))
            missing << key(m);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 lacks these strings (run the andon_lupdate target and "
                                       "translate them):\n%2")
                            .arg(path, missing.join(u'\n'))));
}

void TestTranslations::parserDetectsUnfinished()
{
    // The checks above are only as good as the parser: feed it a known-bad file.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\">"
               "<context><name>Ctx</name>"
               "<message><source>Hello</source><translation type=\"unfinished\"></translation></message>"
               "<message><source>World</source><translation>Welt</translation></message>"
               "</context></TS>");
    file.close();
    QList<TsMessage> messages;
    QString error;
    QVERIFY2(parseTs(path, &messages, &error), qPrintable(error));
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].context, QStringLiteral("Ctx"));
    QCOMPARE(messages[0].type, QStringLiteral("unfinished"));
    QCOMPARE(messages[1].translation, QStringLiteral("Welt"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
