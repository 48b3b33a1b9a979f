#include "ui/connections_page.h"

#include "engine/engine.h"
#include "storage/historian.h"
#include "widgets/theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace andon::ui {

namespace {
enum Column { IdColumn, KindColumn, EndpointColumn, StateColumn, MessagesColumn,
              RateColumn, BytesRateColumn, ErrorsColumn, DroppedColumn, SkewColumn,
              LastErrorColumn, ColumnCount };
}

ConnectionsPage::ConnectionsPage(Engine *engine, QWidget *parent)
    : QWidget(parent), m_engine(engine)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *title = new QLabel(tr("Connections"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);

    // Abnormal configuration, so it gets the abnormal outline (ISA-101: colour only for
    // problems); hidden while every TLS connection verifies the broker's host name.
    m_insecureWarning = new QLabel(this);
    m_insecureWarning->setObjectName(QStringLiteral("insecureTlsWarning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(
            QStringLiteral("QLabel { border: 2px solid %1; padding: 4px 8px; }")
                    .arg(widgets::Theme::colors().alarmHigh.name())); // HMI-STYLE orange
    m_insecureWarning->hide();
    layout->addWidget(m_insecureWarning);

    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::Mid);
    layout->addWidget(m_summary);

    m_empty = new QLabel(tr("No data sources are configured. Add an MQTT connection to the plant "
                            "configuration to receive live data."),
                         this);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Connection"), tr("Type"), tr("Endpoint"), tr("State"),
                                        tr("Messages"), tr("Messages/s"), tr("Bytes/s"),
                                        tr("Decode errors"), tr("Dropped"), tr("Clock skew"),
                                        tr("Last error")});
    for (int column : {int(MessagesColumn), int(RateColumn), int(BytesRateColumn),
                       int(ErrorsColumn), int(DroppedColumn), int(SkewColumn)})
        m_table->horizontalHeaderItem(column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setShowGrid(false);
    m_table->setFocusPolicy(Qt::NoFocus); // read-only diagnostics: no current-cell frame
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);
    refresh();
}

QString ConnectionsPage::stateText(const QString &engineState)
{
    // The Engine reports states as fixed English keys; the operator reads words.
    if (engineState == QLatin1String("connected"))
        return tr("connected");
    if (engineState == QLatin1String("connecting"))
        return tr("connecting");
    if (engineState == QLatin1String("reconnecting"))
        return tr("reconnecting");
    if (engineState == QLatin1String("disconnected"))
        return tr("disconnected");
    if (engineState == QLatin1String("not started"))
        return tr("not started");
    if (engineState == QLatin1String("unknown"))
        return tr("unknown");
    return engineState; // a state added later shows as it comes rather than not at all
}

void ConnectionsPage::refresh()
{
    const auto status = m_engine->connectionStatus();
    m_empty->setVisible(status.empty());
    m_table->setVisible(!status.empty());
    const QLocale locale;
    const storage::Historian *historian = m_engine->historian();
    m_summary->setText(tr("Samples ingested: %1 · Historian: %2")
                           .arg(locale.toString(static_cast<qulonglong>(m_engine->samplesIngested())),
                                historian ? historian->path() : tr("off")));
    m_table->setRowCount(static_cast<int>(status.size()));
    QStringList insecure;
    for (int row = 0; row < static_cast<int>(status.size()); ++row) {
        const ConnectionStatus &s = status[static_cast<std::size_t>(row)];
        auto set = [&](int column, const QString &text, bool number = false) {
            QTableWidgetItem *item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem; // owned by the table
                m_table->setItem(row, column, item);
            }
            item->setText(text);
            item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter
                                          : Qt::AlignLeft | Qt::AlignVCenter);
            QFont font = m_table->font();
            font.setBold(column == StateColumn && !s.healthy);
            item->setFont(font);
        };
        set(IdColumn, s.id);
        set(KindColumn, s.kind);
        set(EndpointColumn, s.endpoint);
        const QString state = stateText(s.state);
        set(StateColumn, s.healthy ? state : QStringLiteral("⚠ ") % state);
        set(MessagesColumn, locale.toString(static_cast<qulonglong>(s.messages)), true);
        set(ErrorsColumn, locale.toString(static_cast<qulonglong>(s.decodeErrors)), true);
        set(RateColumn, locale.toString(s.messagesPerSecond, 'f', 1), true);
        set(BytesRateColumn, locale.toString(s.bytesPerSecond, 'f', 0), true);
        set(DroppedColumn, locale.toString(static_cast<qulonglong>(s.dropped)), true);
        set(SkewColumn,
            s.hasSkew ? tr("%1%2 s").arg(s.skewWarning ? QStringLiteral("⚠ ") : QString(),
                                         locale.toString(double(s.skewMs) / 1000.0, 'f', 1))
                      : tr("—"),
            true);
        if (s.insecure)
            insecure << s.id;
        set(LastErrorColumn, s.lastError.isEmpty() ? tr("—") : s.lastError);
    }
    m_insecureWarning->setVisible(!insecure.isEmpty());
    m_insecureWarning->setText(
            tr("⚠ TLS hostname verification is off for %1 (tls.insecure): anyone on the network "
               "path could impersonate the broker.")
                    .arg(insecure.join(QStringLiteral(", "))));
    // Not the last column: sizing it by hand would switch off its stretch to the table's edge.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->resizeColumnToContents(column);
}

} // namespace andon::ui
