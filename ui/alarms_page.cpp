#include "ui/alarms_page.h"

#include "core/clock.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "engine/alarm_service.h"
#include "engine/engine.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "ui/alarm_settings_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextDocument>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace andon::ui {

using analytics::AlarmState;
using analytics::AlarmStatus;

namespace {

constexpr int kRefreshMs = 1000;
constexpr int kHistoryLimit = 10'000;
constexpr TimestampMs kDay = 24 * 3'600'000LL;
// Audible pattern per priority (beeps per burst, seconds between bursts); low sounds once.
constexpr int kBeeps[5] = { 0, 3, 2, 1, 1 };
constexpr int kRepeatS[5] = { 0, 5, 10, 20, 0 };

// Sorting rank: unacknowledged first, then active, returned, the rest.
int stateRank(AlarmState s)
{
    switch (s) {
    case AlarmState::UnackActive:
        return 0;
    case AlarmState::ReturnedUnack:
        return 1;
    case AlarmState::AckActive:
        return 2;
    case AlarmState::Shelved:
        return 3;
    case AlarmState::Suppressed:
        return 4;
    case AlarmState::OutOfService:
        return 5;
    case AlarmState::Normal:
        return 6;
    }
    return 7;
}

bool unacknowledged(AlarmState s)
{
    return s == AlarmState::UnackActive || s == AlarmState::ReturnedUnack;
}

QString valueText(const PlantModel &m, const AlarmDef &a, const AlarmStatus &st)
{
    if (!std::isfinite(st.value))
        return QStringLiteral("—");
    const TagDef &t = m.tags[a.tag];
    QString v = QString::number(st.value, 'f', std::clamp(t.decimals, 0, 9));
    if (a.type == AlarmType::Discrete && t.role == TagRole::State && t.machine >= 0) {
        if (const StateDef *sd
            = m.machines[std::size_t(t.machine)].state(static_cast<int>(std::lround(st.value))))
            return sd->name;
    }
    if (!t.unit.isEmpty())
        v += u' ' + t.unit;
    if (isBad(st.quality))
        v += QStringLiteral(" ⚠");
    return v;
}

// A cell painted with the priority's shape, number and name.
QTableWidgetItem *priorityItem(int priority, bool unack)
{
    auto *item = new QTableWidgetItem(widgets::AlarmBanner::priorityShape(priority) + u' '
        + QString::number(priority) + u' ' + widgets::AlarmBanner::priorityName(priority));
    item->setForeground(
        widgets::AlarmBanner::priorityColor(priority).darker(priority == 3 ? 130 : 100));
    QFont f = item->font();
    f.setBold(unack);
    item->setFont(f);
    item->setData(Qt::UserRole, priority);
    return item;
}

QTableWidget *makeTable(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->setVisible(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(false);
    t->setWordWrap(false);
    return t;
}

// QDateTimeEdit (Qt 6.4) shows local time only: it gets the plant's wall time as a local
// date and time, and the value is read back in the plant's zone.
QDateTime editValue(TimestampMs t, const QTimeZone &zone)
{
    const QDateTime wall = QDateTime::fromMSecsSinceEpoch(t, zone);
    return QDateTime(wall.date(), wall.time());
}

TimestampMs fromEdit(const QDateTimeEdit *edit, const QTimeZone &zone)
{
    const QDateTime local = edit->dateTime();
    return QDateTime(local.date(), local.time(), zone).toMSecsSinceEpoch();
}

QString csvField(const QString &s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n'))
        return u'"' + QString(s).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return s;
}

} // namespace

int fillMachineAlarmTable(QTableWidget *table, const Engine &engine, int machine)
{
    // The alarm definitions in force (priorities and limits changed at run time included).
    const std::shared_ptr<const PlantModel> running = engine.alarms()->runningModel();
    const PlantModel &m = *running;
    const QTimeZone zone(m.timeZone().toUtf8());
    std::vector<AlarmStatus> rows;
    for (const AlarmStatus &st : engine.alarms()->snapshot()) {
        const AlarmDef &a = m.alarms[std::size_t(st.index)];
        if ((a.machine == machine || a.stateMachine == machine) && st.state != AlarmState::Normal)
            rows.push_back(st);
    }
    std::sort(rows.begin(), rows.end(), [&](const AlarmStatus &x, const AlarmStatus &y) {
        const int px = m.alarms[std::size_t(x.index)].priority;
        const int py = m.alarms[std::size_t(y.index)].priority;
        return px != py ? px < py : x.activeSinceMs > y.activeSinceMs;
    });
    table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const AlarmStatus &st = rows[std::size_t(r)];
        const AlarmDef &a = m.alarms[std::size_t(st.index)];
        table->setItem(r, 0, priorityItem(a.priority, unacknowledged(st.state)));
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(
            st.activeSinceMs, zone.isValid() ? zone : QTimeZone::utc());
        table->setItem(r, 1,
            new QTableWidgetItem(
                st.activeSinceMs > 0 ? t.toString(QStringLiteral("HH:mm:ss")) : QString()));
        table->setItem(r, 2,
            new QTableWidgetItem(st.message.isEmpty() ? alarmMessage(m, a, st.value) : st.message));
        auto *value = new QTableWidgetItem(valueText(m, a, st));
        value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, 3, value);
        table->setItem(r, 4, new QTableWidgetItem(analytics::alarmStateText(st.state)));
    }
    return static_cast<int>(rows.size());
}

AlarmsPage::AlarmsPage(Engine *engine, const Clock *clock, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_clock(clock)
{
    m_zone = QTimeZone(engine->model().timeZone().toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    auto *header = new QHBoxLayout;
    auto *title = new QLabel(tr("Alarms"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);
    header->addWidget(title);
    header->addStretch(1);
    auto *zone = new QLabel(tr("Times in %1").arg(QString::fromUtf8(m_zone.id())), this);
    zone->setObjectName(QStringLiteral("secondary"));
    header->addWidget(zone);
    layout->addLayout(header);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("alarmsNotice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(!engine->historian());
    m_notice->setText(QStringLiteral("⚠ ")
        + tr("No historian is open: alarm actions cannot be recorded and are "
             "refused; history and KPIs are not available."));
    layout->addWidget(m_notice);

    m_tabs = new QTabWidget(this);
    auto *active = new QWidget(m_tabs);
    auto *history = new QWidget(m_tabs);
    auto *kpi = new QWidget(m_tabs);
    buildActiveTab(active);
    buildHistoryTab(history);
    buildKpiTab(kpi);
    m_tabs->addTab(active, tr("Active"));
    m_tabs->addTab(history, tr("History"));
    m_tabs->addTab(kpi, tr("KPIs"));
    layout->addWidget(m_tabs, 1);
    // The end of a range the operator has not touched moves up to now when the tab is
    // opened, so alarms raised since the page was built are found.
    for (QDateTimeEdit *e : { m_histTo, m_kpiTo }) {
        e->setProperty("auto", true);
        connect(e, &QDateTimeEdit::dateTimeChanged, e, [e] { e->setProperty("auto", false); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        const QDateTime now = editValue(m_clock->now() + 60'000, m_zone);
        for (QDateTimeEdit *e : { m_histTo, m_kpiTo }) {
            if (e->property("auto").toBool()) {
                QSignalBlocker b(e);
                e->setDateTime(now);
            }
        }
    });

    m_soundTimer = new QTimer(this);
    connect(m_soundTimer, &QTimer::timeout, this, &AlarmsPage::playSound);
    AlarmService *service = engine->alarms();
    connect(service, &AlarmService::alarmsChanged, this, &AlarmsPage::refresh);
    connect(engine->access(), &AccessControl::userChanged, this, &AlarmsPage::updateButtons);
    connect(service, &AlarmService::annunciated, this, &AlarmsPage::onAnnunciated);
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_refreshTimer->start();
    refresh();
}

void AlarmsPage::buildActiveTab(QWidget *tab)
{
    const PlantModel &m = m_engine->model();
    auto *v = new QVBoxLayout(tab);
    auto *filters = new QHBoxLayout;
    m_priority = new QComboBox(tab);
    m_priority->setObjectName(QStringLiteral("alarmPriorityFilter"));
    m_priority->addItem(tr("All priorities"), 0);
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(
            widgets::AlarmBanner::priorityShape(p) + u' ' + widgets::AlarmBanner::priorityName(p),
            p);
    m_scope = new QComboBox(tab);
    m_scope->setObjectName(QStringLiteral("alarmScopeFilter"));
    m_scope->addItem(tr("Whole plant"), QString());
    for (const Area &a : m.areas) {
        m_scope->addItem(a.name, a.path);
        for (int li : a.lines) {
            const Line &l = m.lines[std::size_t(li)];
            m_scope->addItem(QStringLiteral("  ") + l.name, l.path);
            for (int mi : l.machines)
                m_scope->addItem(QStringLiteral("    ") + m.machines[std::size_t(mi)].name,
                    m.machines[std::size_t(mi)].path);
        }
    }
    m_state = new QComboBox(tab);
    m_state->setObjectName(QStringLiteral("alarmStateFilter"));
    m_state->addItem(tr("Not normal"), NotNormal);
    m_state->addItem(tr("Unacknowledged"), Unacknowledged);
    m_state->addItem(tr("Active"), ActiveOnly);
    m_state->addItem(tr("Shelved"), ShelvedOnly);
    m_state->addItem(tr("Suppressed by design"), SuppressedOnly);
    m_state->addItem(tr("Out of service"), OutOfServiceOnly);
    m_state->addItem(tr("All alarms"), AllAlarms);
    m_text = new QLineEdit(tab);
    m_text->setObjectName(QStringLiteral("alarmTextFilter"));
    m_text->setPlaceholderText(tr("Filter text"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(m_priority);
    filters->addWidget(m_scope);
    filters->addWidget(m_state);
    filters->addWidget(m_text, 1);
    v->addLayout(filters);
    for (QComboBox *c : { m_priority, m_scope, m_state })
        connect(c, &QComboBox::currentIndexChanged, this, &AlarmsPage::refresh);
    connect(m_text, &QLineEdit::textChanged, this, &AlarmsPage::refresh);

    m_table = makeTable(tab,
        { tr("Priority"), tr("Time"), tr("Machine"), tr("Message"), tr("Value"), tr("State"),
            tr("First out"), tr("Comment") });
    m_table->setObjectName(QStringLiteral("activeAlarms"));
    QFont boldFont = m_table->font();
    boldFont.setBold(true); // unacknowledged rows are bold
    const QFontMetrics fm(boldFont);
    m_table->setColumnWidth(
        PriorityColumn, fm.horizontalAdvance(QStringLiteral("■ 1 Critical")) + 24);
    m_table->setColumnWidth(
        TimeColumn, fm.horizontalAdvance(QStringLiteral("2026-01-01 00:00:00")) + 16);
    m_table->setColumnWidth(
        MachineColumn, fm.horizontalAdvance(QStringLiteral("palletizer / line2")) + 16);
    m_table->setColumnWidth(MessageColumn, 360);
    m_table->setColumnWidth(
        ValueColumn, fm.horizontalAdvance(QStringLiteral("100.00 mm/s ⚠")) + 16);
    m_table->setColumnWidth(
        StateColumn, fm.horizontalAdvance(QStringLiteral("Returned, unacknowledged")) + 16);
    m_table->setColumnWidth(FirstOutColumn, fm.horizontalAdvance(tr("First out")) + 16);
    v->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AlarmsPage::updateButtons);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_table->rowAt(pos.y());
        if (row < 0 || row >= m_rowIds.size())
            return;
        const QString id = m_rowIds.at(row);
        const AlarmDef *def = nullptr;
        for (const AlarmDef &a : m_engine->model().alarms)
            def = a.id == id ? &a : def;
        if (!def || def->tag >= m_engine->model().tags.size())
            return;
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("Trend %1").arg(m_engine->model().tags[def->tag].name), this,
                        [this, id] { requestTrend(id); });
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });

    auto *buttons = new QHBoxLayout;
    m_summary = new QLabel(tab);
    m_summary->setObjectName(QStringLiteral("alarmSummary"));
    buttons->addWidget(m_summary, 1);
    const auto button = [&](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, tab);
        b->setObjectName(QLatin1String(name));
        b->setToolTip(tip);
        buttons->addWidget(b);
        return b;
    };
    m_ack = button(tr("Acknowledge"), "alarmAck", tr("Acknowledge the selected alarm (Space)"));
    m_ack->setShortcut(QKeySequence(Qt::Key_Space));
    m_ackPage = button(tr("Acknowledge page"), "alarmAckPage",
        tr("Acknowledge every unacknowledged alarm in the list"));
    m_shelve = button(tr("Shelve…"), "alarmShelve",
        tr("Take the selected alarm out of annunciation for a limited time"));
    m_unshelve = button(tr("Unshelve"), "alarmUnshelve", tr("Return the selected alarm now"));
    m_comment = button(tr("Comment…"), "alarmComment", tr("Add a note to the alarm's journal"));
    m_oos = button(tr("Out of service…"), "alarmOutOfService",
        tr("Remove the selected alarm from service (maintenance), or return it"));
    m_editSettings = button(tr("Edit settings…"), "alarmEditSettings",
        tr("Change the selected alarm's limit, deadband, delays or priority (recorded in the "
           "audit journal)"));
    m_silence = button(tr("Silence"), "alarmSilence",
        tr("Stop the alarm sound until the next "
           "new alarm"));
    v->addLayout(buttons);

    connect(m_ack, &QPushButton::clicked, this, [this] { acknowledgeSelected(); });
    connect(m_editSettings, &QPushButton::clicked, this, [this] { editSelectedSettings(); });
    // Right-click on an alarm: its settings.
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_table->rowAt(pos.y());
        if (row < 0)
            return;
        m_table->selectRow(row);
        QMenu menu(this);
        QAction *edit = menu.addAction(tr("Edit settings…"));
        gateAction(edit, m_engine->access(), Action::EditAlarmSettings,
            m_engine->historian() != nullptr);
        if (menu.exec(m_table->viewport()->mapToGlobal(pos)) == edit)
            editSelectedSettings();
    });
    connect(m_ackPage, &QPushButton::clicked, this, [this] { acknowledgePage(); });
    connect(m_unshelve, &QPushButton::clicked, this, [this] { unshelveSelected(); });
    connect(m_silence, &QPushButton::clicked, this, &AlarmsPage::silence);
    connect(m_shelve, &QPushButton::clicked, this, [this] {
        QDialog d(this);
        d.setWindowTitle(tr("Shelve alarm"));
        auto *form = new QFormLayout(&d);
        auto *minutes = new QSpinBox(&d);
        minutes->setRange(1, 24 * 60);
        minutes->setValue(60);
        minutes->setSuffix(tr(" min"));
        auto *reason = new QLineEdit(&d);
        reason->setPlaceholderText(tr("Why (required)"));
        form->addRow(tr("Alarm"), new QLabel(selectedAlarmId(), &d));
        form->addRow(tr("Duration"), minutes);
        form->addRow(tr("Reason"), reason);
        auto *bb = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &d);
        form->addRow(bb);
        connect(bb, &QDialogButtonBox::accepted, &d, &QDialog::accept);
        connect(bb, &QDialogButtonBox::rejected, &d, &QDialog::reject);
        if (d.exec() == QDialog::Accepted
            && !shelveSelected(TimestampMs(minutes->value()) * 60'000, reason->text()))
            QMessageBox::warning(this, tr("Shelve alarm"), m_lastMessage);
    });
    connect(m_comment, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Comment"),
            tr("Note for %1").arg(selectedAlarmId()), QLineEdit::Normal, QString(), &ok);
        if (ok && !commentSelected(text))
            QMessageBox::warning(this, tr("Comment"), m_lastMessage);
    });
    connect(m_oos, &QPushButton::clicked, this, [this] {
        const auto st = m_engine->alarms()->status(selectedAlarmId());
        if (st && st->state == AlarmState::OutOfService) {
            returnSelectedToService();
            return;
        }
        bool ok = false;
        const QString text = QInputDialog::getText(this, tr("Out of service"),
            tr("Why is %1 taken out of service?").arg(selectedAlarmId()), QLineEdit::Normal,
            QString(), &ok);
        if (ok && !removeSelectedFromService(text))
            QMessageBox::warning(this, tr("Out of service"), m_lastMessage);
    });
}

void AlarmsPage::buildHistoryTab(QWidget *tab)
{
    auto *v = new QVBoxLayout(tab);
    auto *row = new QHBoxLayout;
    const TimestampMs now = m_clock->now();
    m_histFrom = new QDateTimeEdit(editValue(now - kDay, m_zone), tab);
    m_histTo = new QDateTimeEdit(editValue(now + 60'000, m_zone), tab);
    for (QDateTimeEdit *e : { m_histFrom, m_histTo }) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
    }
    m_histText = new QLineEdit(tab);
    m_histText->setPlaceholderText(tr("Alarm, machine, user or text"));
    m_histSystem = new QCheckBox(tr("System events"), tab);
    auto *search = new QPushButton(tr("Search"), tab);
    search->setObjectName(QStringLiteral("historySearch"));
    auto *csv = new QPushButton(tr("Export CSV…"), tab);
    auto *print = new QPushButton(tr("Print…"), tab);
    row->addWidget(new QLabel(tr("From"), tab));
    row->addWidget(m_histFrom);
    row->addWidget(new QLabel(tr("to"), tab));
    row->addWidget(m_histTo);
    row->addWidget(m_histText, 1);
    row->addWidget(m_histSystem);
    row->addWidget(search);
    row->addWidget(csv);
    row->addWidget(print);
    v->addLayout(row);
    m_history = makeTable(tab,
        { tr("Time"), tr("Alarm / source"), tr("Event"), tr("From"), tr("To"), tr("Value"),
            tr("User"), tr("Comment"), tr("Message") });
    m_history->setObjectName(QStringLiteral("alarmHistory"));
    const QFontMetrics fm(m_history->font());
    m_history->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("2026-01-01 00:00:00")) + 16);
    m_history->setColumnWidth(1, 280);
    m_history->setColumnWidth(7, 180);
    m_history->setColumnWidth(6, fm.horizontalAdvance(QStringLiteral("operator")) + 24);
    m_history->setColumnWidth(5, fm.horizontalAdvance(QStringLiteral("1234.56")) + 24);
    m_history->setColumnWidth(2, fm.horizontalAdvance(QStringLiteral("remove_from_service")) + 16);
    m_history->setColumnWidth(3, fm.horizontalAdvance(QStringLiteral("returned_unack")) + 16);
    m_history->setColumnWidth(4, fm.horizontalAdvance(QStringLiteral("returned_unack")) + 16);
    v->addWidget(m_history, 1);
    m_histSummary = new QLabel(tab);
    v->addWidget(m_histSummary);
    const auto run = [this] {
        searchHistory(fromEdit(m_histFrom, m_zone), fromEdit(m_histTo, m_zone), m_histText->text(),
            m_histSystem->isChecked());
    };
    connect(search, &QPushButton::clicked, this, run);
    connect(m_histText, &QLineEdit::returnPressed, this, run);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export alarm history"),
            QStringLiteral("alarm-history.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportHistoryCsv(path, &error))
            QMessageBox::warning(this, tr("Export alarm history"), error);
    });
    connect(print, &QPushButton::clicked, this, [this] {
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() == QDialog::Accepted)
            printHistory(&printer);
    });
}

void AlarmsPage::buildKpiTab(QWidget *tab)
{
    auto *v = new QVBoxLayout(tab);
    auto *row = new QHBoxLayout;
    const TimestampMs now = m_clock->now();
    m_kpiFrom = new QDateTimeEdit(editValue(now - kDay, m_zone), tab);
    m_kpiTo = new QDateTimeEdit(editValue(now + 60'000, m_zone), tab);
    for (QDateTimeEdit *e : { m_kpiFrom, m_kpiTo }) {
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
    }
    auto *compute = new QPushButton(tr("Compute"), tab);
    row->addWidget(new QLabel(tr("From"), tab));
    row->addWidget(m_kpiFrom);
    row->addWidget(new QLabel(tr("to"), tab));
    row->addWidget(m_kpiTo);
    row->addWidget(compute);
    row->addStretch(1);
    v->addLayout(row);
    m_kpiSummary = new QLabel(tab);
    m_kpiSummary->setObjectName(QStringLiteral("kpiSummary"));
    m_kpiSummary->setTextFormat(Qt::RichText);
    m_kpiSummary->setWordWrap(true);
    v->addWidget(m_kpiSummary);
    auto *grid = new QHBoxLayout;
    const auto box = [&](const QString &title, QTableWidget *t) {
        auto *col = new QVBoxLayout;
        auto *l = new QLabel(title, tab);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        col->addWidget(l);
        col->addWidget(t, 1);
        grid->addLayout(col, 1);
    };
    m_badActors = makeTable(tab, { tr("Alarm"), tr("P"), tr("Count"), tr("Share") });
    m_chattering = makeTable(tab, { tr("Alarm"), tr("P"), tr("Max / min"), tr("Count") });
    m_standing = makeTable(tab, { tr("Alarm"), tr("P"), tr("State"), tr("Active for") });
    m_badActors->setObjectName(QStringLiteral("kpiBadActors"));
    for (QTableWidget *t : { m_badActors, m_chattering, m_standing }) {
        // The alarm takes what is left; the numbers fit their contents.
        t->horizontalHeader()->setStretchLastSection(false);
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        for (int c = 1; c < t->columnCount(); ++c)
            t->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        t->setTextElideMode(Qt::ElideLeft); // the end of an id names the alarm
    }
    box(tr("Top 10 bad actors"), m_badActors);
    box(tr("Chattering (3 or more in 1 min)"), m_chattering);
    box(tr("Standing and stale (over 24 h: ⚠)"), m_standing);
    v->addLayout(grid, 1);
    connect(compute, &QPushButton::clicked, this,
        [this] { computeKpis(fromEdit(m_kpiFrom, m_zone), fromEdit(m_kpiTo, m_zone)); });
}

QString AlarmsPage::formatTime(TimestampMs t) const
{
    if (t <= 0)
        return QString();
    return QDateTime::fromMSecsSinceEpoch(t, m_zone).toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString AlarmsPage::machineOf(int alarmIndex) const
{
    const PlantModel &m = m_engine->model();
    const AlarmDef &a = m.alarms[std::size_t(alarmIndex)];
    if (a.machine >= 0) {
        const Machine &mc = m.machines[std::size_t(a.machine)];
        return mc.name + QStringLiteral(" / ") + m.lines[std::size_t(mc.line)].name;
    }
    return a.id.section(u'/', -2, -2);
}

widgets::AlarmBannerData AlarmsPage::bannerData() const
{
    const std::shared_ptr<const PlantModel> running = m_engine->alarms()->runningModel();
    const PlantModel &m = *running; // priorities changed at run time included
    widgets::AlarmBannerData d;
    std::vector<AlarmStatus> list;
    for (const AlarmStatus &st : m_engine->alarms()->snapshot()) {
        if (!analytics::alarmStateIsAnnunciated(st.state))
            continue;
        const int p = std::clamp(m.alarms[std::size_t(st.index)].priority, 1, 4);
        if (st.state != AlarmState::ReturnedUnack)
            ++d.active[p];
        if (unacknowledged(st.state)) {
            ++d.unacknowledged[p];
            if (st.state == AlarmState::ReturnedUnack)
                ++d.active[p]; // still needs the operator: counted until acknowledged
        }
        list.push_back(st);
    }
    // Unacknowledged first, then by priority, newest first.
    std::sort(list.begin(), list.end(), [&](const AlarmStatus &x, const AlarmStatus &y) {
        const bool ux = unacknowledged(x.state), uy = unacknowledged(y.state);
        if (ux != uy)
            return ux;
        const int px = m.alarms[std::size_t(x.index)].priority;
        const int py = m.alarms[std::size_t(y.index)].priority;
        if (px != py)
            return px < py;
        return x.activeSinceMs > y.activeSinceMs;
    });
    for (const AlarmStatus &st : list) {
        const AlarmDef &a = m.alarms[std::size_t(st.index)];
        widgets::AlarmBannerItem item;
        item.priority = a.priority;
        item.unacknowledged = unacknowledged(st.state);
        item.time = QDateTime::fromMSecsSinceEpoch(st.activeSinceMs, m_zone)
                        .toString(QStringLiteral("HH:mm:ss"));
        item.text = machineOf(st.index) + QStringLiteral(" — ")
            + (st.message.isEmpty() ? alarmMessage(m, a, st.value) : st.message);
        if (st.state == AlarmState::ReturnedUnack)
            item.text += tr(" (returned)");
        d.items.push_back(item);
    }
    d.flood = m_engine->alarms()->flood();
    if (d.flood) {
        // Annunciations in the last 10 minutes, from the snapshot's activation times.
        const TimestampMs now = m_clock->now();
        for (const AlarmStatus &st : m_engine->alarms()->snapshot())
            d.floodCount += st.activeSinceMs > now - analytics::kFloodWindowMs;
    }
    if (!m_engine->historian())
        d.notice = tr("no historian: alarm actions are not recorded");
    return d;
}

void AlarmsPage::refresh()
{
    const std::shared_ptr<const PlantModel> running = m_engine->alarms()->runningModel();
    const PlantModel &m = *running; // priorities changed at run time included
    const int prio = m_priority->currentData().toInt();
    const QString scope = m_scope->currentData().toString();
    const auto filter = static_cast<StateFilter>(m_state->currentData().toInt());
    const QString text = m_text->text().trimmed();
    std::vector<AlarmStatus> rows;
    int unack = 0;
    for (const AlarmStatus &st : m_engine->alarms()->snapshot()) {
        const AlarmDef &a = m.alarms[std::size_t(st.index)];
        if (prio != 0 && a.priority != prio)
            continue;
        if (!scope.isEmpty() && !a.id.startsWith(scope + u'/'))
            continue;
        bool keep = false;
        switch (filter) {
        case NotNormal:
            keep = st.state != AlarmState::Normal;
            break;
        case Unacknowledged:
            keep = unacknowledged(st.state);
            break;
        case ActiveOnly:
            keep = st.state == AlarmState::UnackActive || st.state == AlarmState::AckActive;
            break;
        case ShelvedOnly:
            keep = st.state == AlarmState::Shelved;
            break;
        case SuppressedOnly:
            keep = st.state == AlarmState::Suppressed;
            break;
        case OutOfServiceOnly:
            keep = st.state == AlarmState::OutOfService;
            break;
        case AllAlarms:
            keep = true;
            break;
        }
        if (!keep)
            continue;
        if (!text.isEmpty() && !a.id.contains(text, Qt::CaseInsensitive)
            && !st.message.contains(text, Qt::CaseInsensitive)
            && !st.lastComment.contains(text, Qt::CaseInsensitive))
            continue;
        unack += unacknowledged(st.state);
        rows.push_back(st);
    }
    std::sort(rows.begin(), rows.end(), [&](const AlarmStatus &x, const AlarmStatus &y) {
        const int px = m.alarms[std::size_t(x.index)].priority;
        const int py = m.alarms[std::size_t(y.index)].priority;
        if (px != py)
            return px < py;
        if (stateRank(x.state) != stateRank(y.state))
            return stateRank(x.state) < stateRank(y.state);
        return x.activeSinceMs > y.activeSinceMs;
    });
    const QString selected = selectedAlarmId();
    QSignalBlocker block(m_table);
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_rowIds.clear();
    int selectRow = -1;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const AlarmStatus &st = rows[std::size_t(r)];
        const AlarmDef &a = m.alarms[std::size_t(st.index)];
        const bool bold = unacknowledged(st.state);
        m_rowIds << a.id;
        if (a.id == selected)
            selectRow = r;
        const auto cell = [&](int col, const QString &s, Qt::Alignment align = Qt::AlignLeft) {
            auto *item = new QTableWidgetItem(s);
            item->setTextAlignment(align | Qt::AlignVCenter);
            if (bold) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_table->setItem(r, col, item);
            return item;
        };
        m_table->setItem(r, PriorityColumn, priorityItem(a.priority, bold));
        cell(TimeColumn, formatTime(st.activeSinceMs));
        cell(MachineColumn, machineOf(st.index))->setToolTip(a.id);
        cell(MessageColumn, st.message.isEmpty() ? alarmMessage(m, a, st.value) : st.message)
            ->setToolTip(a.id);
        cell(ValueColumn, valueText(m, a, st), Qt::AlignRight);
        QString state = analytics::alarmStateText(st.state);
        if (st.state == AlarmState::Shelved)
            state += tr(" until %1")
                         .arg(QDateTime::fromMSecsSinceEpoch(st.shelvedUntil, m_zone)
                                  .toString(QStringLiteral("HH:mm")));
        cell(StateColumn, state)
            ->setToolTip(st.state == AlarmState::Shelved ? tr("Reason: %1").arg(st.shelveReason)
                                                         : QString());
        cell(FirstOutColumn, st.firstOut ? tr("★ first") : QString());
        cell(CommentColumn, st.lastComment);
    }
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    m_summary->setText(tr("%n alarm(s) listed", nullptr, static_cast<int>(rows.size()))
        + QStringLiteral(", ") + tr("%n unacknowledged", nullptr, unack)
        + (m_soundPriority > 0 ? tr(" — sound on") : QString()));
    updateButtons();
}

void AlarmsPage::updateButtons()
{
    const bool recorded = m_engine->historian() != nullptr;
    const auto st = m_engine->alarms()->status(selectedAlarmId());
    const bool has = st.has_value();
    // Each button stays visible; one the signed-in role may not use is disabled with the reason
    // as its tooltip (ui/access_gate.h).
    gateWidget(m_ack, *m_engine, Action::AcknowledgeAlarm,
        recorded && has && unacknowledged(st->state));
    gateWidget(m_ackPage, *m_engine, Action::AcknowledgeAlarm, recorded);
    gateWidget(m_shelve, *m_engine, Action::ShelveAlarm, recorded && has
        && (st->state == AlarmState::Normal || analytics::alarmStateIsAnnunciated(st->state)));
    gateWidget(m_unshelve, *m_engine, Action::ShelveAlarm,
        recorded && has && st->state == AlarmState::Shelved);
    gateWidget(m_comment, *m_engine, Action::CommentAlarm, recorded && has);
    gateWidget(m_oos, *m_engine, Action::RemoveAlarmFromService, recorded && has);
    gateWidget(m_editSettings, *m_engine, Action::EditAlarmSettings, recorded && has);
    m_oos->setText(has && st->state == AlarmState::OutOfService ? tr("Return to service")
                                                                : tr("Out of service…"));
    m_silence->setEnabled(m_soundPriority > 0);
}

void AlarmsPage::setPriorityFilter(int priority)
{
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(priority)));
}

void AlarmsPage::setStateFilter(StateFilter filter)
{
    m_state->setCurrentIndex(std::max(0, m_state->findData(int(filter))));
}

void AlarmsPage::setScopeFilter(const QString &path)
{
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(path)));
}

void AlarmsPage::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

QStringList AlarmsPage::visibleAlarmIds() const
{
    return m_rowIds;
}

void AlarmsPage::selectAlarm(const QString &id)
{
    const int row = static_cast<int>(m_rowIds.indexOf(id));
    if (row >= 0)
        m_table->selectRow(row);
    updateButtons();
}

void AlarmsPage::requestTrend(const QString &alarmId)
{
    constexpr TimestampMs kAround = 3'600'000; // an hour either side of the activation
    const PlantModel &model = m_engine->model();
    for (const AlarmDef &a : model.alarms) {
        if (a.id != alarmId || a.tag >= model.tags.size())
            continue;
        const auto st = m_engine->alarms()->status(alarmId);
        TimestampMs t = st ? (st->activeSinceMs > 0 ? st->activeSinceMs : st->lastChangeMs) : 0;
        if (t <= 0)
            t = m_clock->now();
        emit trendRequested({model.tags[a.tag].path}, t - kAround, t + kAround);
        return;
    }
}

QString AlarmsPage::selectedAlarmId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_rowIds.size())
        return QString();
    return m_rowIds.at(rows.first().row());
}

bool AlarmsPage::act(Action action,
    const std::function<bool(AlarmService &, const QString &, QString *)> &f)
{
    const QString id = selectedAlarmId();
    if (id.isEmpty()) {
        m_lastMessage = tr("Select an alarm first.");
        return false;
    }
    QString why;
    if (!allowed(*m_engine, action, &why)) {
        m_lastMessage = why;
        return false;
    }
    const bool ok = f(*m_engine->alarms(), id, &why);
    m_lastMessage = ok ? QString() : why;
    refresh();
    return ok;
}

AlarmSettingsDialog *AlarmsPage::editSelectedSettings()
{
    const QString id = selectedAlarmId();
    if (id.isEmpty()) {
        m_lastMessage = tr("Select an alarm first.");
        return nullptr;
    }
    auto *dialog = new AlarmSettingsDialog(m_engine, { id }, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &AlarmsPage::refresh);
    dialog->open();
    return dialog;
}

bool AlarmsPage::acknowledgeSelected(const QString &comment)
{
    return act(Action::AcknowledgeAlarm, [&](AlarmService &s, const QString &id, QString *why) {
        return s.acknowledge(id, currentUserName(), comment, why);
    });
}

int AlarmsPage::acknowledgePage()
{
    QString why;
    if (!allowed(*m_engine, Action::AcknowledgeAlarm, &why)) {
        m_lastMessage = why;
        return 0;
    }
    const int n = m_engine->alarms()->acknowledgeAll(m_rowIds, currentUserName(), &why);
    m_lastMessage = why;
    refresh();
    return n;
}

bool AlarmsPage::shelveSelected(TimestampMs durationMs, const QString &reason)
{
    return act(Action::ShelveAlarm, [&](AlarmService &s, const QString &id, QString *why) {
        return s.shelve(id, durationMs, reason, currentUserName(), why);
    });
}

bool AlarmsPage::unshelveSelected()
{
    return act(Action::ShelveAlarm, [&](AlarmService &s, const QString &id, QString *why) {
        return s.unshelve(id, currentUserName(), why);
    });
}

bool AlarmsPage::commentSelected(const QString &text)
{
    return act(Action::CommentAlarm, [&](AlarmService &s, const QString &id, QString *why) {
        return s.addComment(id, currentUserName(), text, why);
    });
}

bool AlarmsPage::removeSelectedFromService(const QString &comment)
{
    return act(Action::RemoveAlarmFromService, [&](AlarmService &s, const QString &id, QString *why) {
        return s.removeFromService(id, currentUserName(), comment, why);
    });
}

bool AlarmsPage::returnSelectedToService()
{
    return act(Action::RemoveAlarmFromService, [&](AlarmService &s, const QString &id, QString *why) {
        return s.returnToService(id, currentUserName(), why);
    });
}

void AlarmsPage::onAnnunciated(int priority)
{
    if (priority < 1 || priority > 4)
        return;
    // A new alarm sounds even after a silence; a more urgent one takes over the pattern.
    if (m_soundPriority == 0 || priority < m_soundPriority)
        m_soundPriority = priority;
    playSound();
    if (kRepeatS[m_soundPriority] > 0)
        m_soundTimer->start(kRepeatS[m_soundPriority] * 1000);
    else
        m_soundTimer->stop();
    updateButtons();
}

void AlarmsPage::playSound()
{
    // Stops by itself once nothing is unacknowledged any more.
    bool anyUnack = false;
    for (const AlarmStatus &st : m_engine->alarms()->snapshot())
        anyUnack = anyUnack || unacknowledged(st.state);
    if (!anyUnack) {
        silence();
        return;
    }
    for (int i = 0; i < kBeeps[m_soundPriority]; ++i)
        QApplication::beep();
}

void AlarmsPage::silence()
{
    m_soundTimer->stop();
    m_soundPriority = 0;
    if (m_silence)
        m_silence->setEnabled(false);
}

void AlarmsPage::searchHistory(
    TimestampMs from, TimestampMs to, const QString &text, bool includeSystem)
{
    m_history->setRowCount(0);
    const storage::Historian *h = m_engine->historian();
    if (!h) {
        m_histSummary->setText(tr("No historian is open."));
        return;
    }
    storage::EventQuery q;
    q.from = from;
    q.to = to;
    q.categories = includeSystem ? QStringList { QStringLiteral("alarm"), QStringLiteral("system") }
                                 : QStringList { QStringLiteral("alarm") };
    q.newestFirst = true;
    q.limit = kHistoryLimit;
    const std::vector<storage::Event> events = h->events(q);
    const QString needle = text.trimmed();
    int r = 0;
    m_history->setRowCount(static_cast<int>(events.size()));
    for (const storage::Event &e : events) {
        const auto alarm = AlarmService::fromJournal(e);
        const QString comment = alarm ? alarm->comment : QString();
        const QString value = alarm && std::isfinite(alarm->value)
            ? QString::number(alarm->value, 'g', 6)
            : QString();
        if (!needle.isEmpty() && !e.source.contains(needle, Qt::CaseInsensitive)
            && !e.message.contains(needle, Qt::CaseInsensitive)
            && !e.user.contains(needle, Qt::CaseInsensitive)
            && !comment.contains(needle, Qt::CaseInsensitive))
            continue;
        const QStringList cells { formatTime(e.t), e.source, e.kind.section(u'.', 1), e.oldValue,
            e.newValue, value, e.user, comment, e.message };
        for (int c = 0; c < cells.size(); ++c)
            m_history->setItem(r, c, new QTableWidgetItem(cells[c]));
        ++r;
    }
    m_history->setRowCount(r);
    m_histSummary->setText(r >= kHistoryLimit ? tr("First %1 entries (newest first); narrow the "
                                                   "search for more.")
                                                    .arg(kHistoryLimit)
                                              : tr("%n entries, newest first", nullptr, r));
}

int AlarmsPage::historyRowCount() const
{
    return m_history->rowCount();
}

bool AlarmsPage::exportHistoryCsv(const QString &path, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    QTextStream out(&f);
    out.setEncoding(QStringConverter::Utf8);
    // Machine-readable header names (stable), times in UTC ISO-8601 like andon-cli export.
    out << "time_utc,source,event,from,to,value,user,comment,message\n";
    const storage::Historian *h = m_engine->historian();
    for (int r = 0; r < m_history->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_history->columnCount(); ++c) {
            const QTableWidgetItem *item = m_history->item(r, c);
            QString s = item ? item->text() : QString();
            if (c == 0) {
                QDateTime t = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                t.setTimeZone(m_zone);
                s = t.toUTC().toString(Qt::ISODate);
            }
            cells << csvField(s);
        }
        out << cells.join(u',') << '\n';
    }
    Q_UNUSED(h);
    out.flush();
    if (f.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("%1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void AlarmsPage::printHistory(QPrinter *printer) const
{
    QString html = QStringLiteral("<h2>") + tr("Alarm history").toHtmlEscaped()
        + QStringLiteral("</h2><p>") + m_engine->model().title.toHtmlEscaped()
        + QStringLiteral(" — ") + tr("times in %1").arg(QString::fromUtf8(m_zone.id()))
        + QStringLiteral("</p><table border='1' cellspacing='0' cellpadding='2' "
                         "style='font-size:7pt'><tr>");
    for (int c = 0; c < m_history->columnCount(); ++c)
        html += QStringLiteral("<th>") + m_history->horizontalHeaderItem(c)->text().toHtmlEscaped()
            + QStringLiteral("</th>");
    html += QStringLiteral("</tr>");
    for (int r = 0; r < m_history->rowCount(); ++r) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < m_history->columnCount(); ++c) {
            const QTableWidgetItem *item = m_history->item(r, c);
            html += QStringLiteral("<td>") + (item ? item->text().toHtmlEscaped() : QString())
                + QStringLiteral("</td>");
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    QTextDocument doc;
    doc.setHtml(html);
    printer->setPageOrientation(QPageLayout::Landscape);
    doc.print(printer);
}

void AlarmsPage::computeKpis(TimestampMs from, TimestampMs to)
{
    const storage::Historian *h = m_engine->historian();
    if (!h) {
        m_kpiSummary->setText(tr("No historian is open."));
        return;
    }
    m_kpis = analytics::computeAlarmKpis(
        AlarmService::readJournal(*h, std::numeric_limits<TimestampMs>::min(), to), from, to);
    const auto &r = m_kpis;
    m_kpiSummary->setText(
        tr("<b>%1</b> alarms annunciated — <b>%2</b> per 10 min on average (ISA-18.2: "
           "~1 acceptable, ~2 at most), at most <b>%3</b> in one 10-minute period. "
           "<b>%4 %</b> of the time in flood (%5 floods; target below 1 %). "
           "Priorities: %6 critical, %7 high, %8 medium, %9 low.")
            .arg(r.annunciations)
            .arg(r.averagePer10Min, 0, 'f', 2)
            .arg(r.maxPer10Min)
            .arg(r.floodPercent, 0, 'f', 1)
            .arg(r.floods)
            .arg(r.perPriority[1])
            .arg(r.perPriority[2])
            .arg(r.perPriority[3])
            .arg(r.perPriority[4]));
    const auto fill = [](QTableWidget *t, const std::vector<QStringList> &rows) {
        t->setRowCount(static_cast<int>(rows.size()));
        for (int i = 0; i < static_cast<int>(rows.size()); ++i)
            for (int c = 0; c < rows[std::size_t(i)].size(); ++c) {
                auto *item = new QTableWidgetItem(rows[std::size_t(i)][c]);
                if (c > 0)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                t->setItem(i, c, item);
            }
        for (int c = 1; c < t->columnCount(); ++c)
            t->resizeColumnToContents(c);
    };
    const auto shortId = [](const QString &id) { return id.section(u'/', -3); };
    std::vector<QStringList> bad, chat, standing;
    for (const auto &c : r.badActors)
        bad.push_back({ shortId(c.alarmId), QString::number(c.priority), QString::number(c.count),
            QString::number(c.share * 100.0, 'f', 1) + QStringLiteral(" %") });
    for (const auto &c : r.chattering)
        chat.push_back({ shortId(c.alarmId), QString::number(c.priority),
            QString::number(c.maxInWindow), QString::number(c.activations) });
    for (const auto &s : r.standing) {
        const bool stale = s.durationMs > analytics::kStaleAfterMs;
        standing.push_back({ (stale ? QStringLiteral("⚠ ") : QString()) + shortId(s.alarmId),
            QString::number(s.priority), analytics::alarmStateText(s.state),
            s.durationMs < 3'600'000
                ? tr("%1 min").arg(s.durationMs / 60'000)
                : tr("%1 h").arg(double(s.durationMs) / 3'600'000.0, 0, 'f', 1) });
    }
    fill(m_badActors, bad);
    fill(m_chattering, chat);
    fill(m_standing, standing);
}

} // namespace andon::ui
