#include "ui/connections_page.h"

#include "engine/engine.h"
#include "storage/historian.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace andon::ui {

namespace {
enum Column { IdColumn, KindColumn, EndpointColumn, StateColumn, MessagesColumn,
              ErrorsColumn, LastErrorColumn, ColumnCount };
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
                                        tr("Messages"), tr("Decode errors"), tr("Last error")});
    for (int column : {int(MessagesColumn), int(ErrorsColumn)})
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
        set(LastErrorColumn, s.lastError.isEmpty() ? tr("—") : s.lastError);
    }
    // Not the last column: sizing it by hand would switch off its stretch to the table's edge.
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_table->resizeColumnToContents(column);
}

} // namespace andon::ui
