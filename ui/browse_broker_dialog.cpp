#include "ui/browse_broker_dialog.h"

#include "connectors/mqtt/connection_options.h"
#include "core/current_user.h"
#include "engine/access_control.h"
#include "models/topic_tree_model.h"
#include "storage/historian.h"
#include "ui/access_gate.h"
#include "widgets/theme.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTimeZone>
#include <QTreeView>
#include <QVBoxLayout>

namespace andon::ui {

namespace {

Q_LOGGING_CATEGORY(lcBrowseUi, "andon.browse", QtInfoMsg)

using models::TopicTreeModel;

// The abnormal outline of HMI-STYLE (orange), for the topic-limit and error messages.
QString warningStyle()
{
    return QStringLiteral("QLabel { border: 2px solid %1; padding: 4px 8px; }")
            .arg(widgets::Theme::colors().alarmHigh.name());
}

QLabel *selectableLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

} // namespace

BrowseBrokerDialog::BrowseBrokerDialog(std::shared_ptr<const PlantModel> plant, QWidget *parent)
    : QDialog(parent), m_plant(std::move(plant))
{
    setWindowTitle(tr("Browse broker"));
    setWindowFlag(Qt::Window);
    setModal(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Connection"), this));
    m_connectionBox = new QComboBox(this);
    for (const MqttConnection &c : m_plant->mqttConnections)
        m_connectionBox->addItem(tr("%1 (%2:%3)").arg(c.id, c.host).arg(c.port), c.id);
    top->addWidget(m_connectionBox);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Root filter"), this));
    m_rootEdit = new QLineEdit(QStringLiteral("#"), this);
    m_rootEdit->setToolTip(tr("MQTT topic filter to subscribe to, e.g. acme/# or spBv1.0/#"));
    m_rootEdit->setMinimumWidth(220);
    top->addWidget(m_rootEdit, 1);
    m_connectButton = new QPushButton(tr("Browse"), this);
    m_connectButton->setObjectName(QStringLiteral("browseConnectButton"));
    top->addWidget(m_connectButton);
    layout->addLayout(top);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("browseStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_limit = new QLabel(this);
    m_limit->setObjectName(QStringLiteral("browseLimitWarning"));
    m_limit->setWordWrap(true);
    m_limit->setStyleSheet(warningStyle());
    m_limit->hide();
    layout->addWidget(m_limit);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setPlaceholderText(tr("Search topics, JSON fields and Sparkplug metrics"));
    m_searchEdit->setClearButtonEnabled(true);
    layout->addWidget(m_searchEdit);

    m_model = new TopicTreeModel(m_plant, QString(), &SystemClock::instance(), this);
    m_model->setTimeZone(QTimeZone(m_plant->timeZone().toUtf8()));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(TopicTreeModel::FullPathRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_tree = new QTreeView(splitter);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(false);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(TopicTreeModel::NameColumn, 220);
    m_tree->setColumnWidth(TopicTreeModel::ValueColumn, 150);
    m_tree->setColumnWidth(TopicTreeModel::TypeColumn, 105);
    m_tree->setColumnWidth(TopicTreeModel::CountColumn, 70);
    m_tree->setColumnWidth(TopicTreeModel::RateColumn, 90);
    m_tree->setColumnWidth(TopicTreeModel::LastColumn, 95);
    // QoS and the retained flag are in the details pane; the tree keeps the width for values.
    m_tree->setColumnHidden(TopicTreeModel::QosColumn, true);
    m_tree->setColumnHidden(TopicTreeModel::RetainedColumn, true);

    auto *details = new QWidget(splitter);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    m_detailsForm = new QFormLayout;
    m_detailTopic = selectableLabel(details);
    m_detailKind = selectableLabel(details);
    m_detailTraffic = selectableLabel(details);
    m_detailFlags = selectableLabel(details);
    m_detailExtra = selectableLabel(details);
    m_detailsForm->addRow(tr("Topic"), m_detailTopic);
    m_detailsForm->addRow(tr("Type"), m_detailKind);
    m_detailsForm->addRow(tr("Traffic"), m_detailTraffic);
    m_detailsForm->addRow(tr("Delivery"), m_detailFlags);
    m_detailsForm->addRow(tr("Details"), m_detailExtra);
    detailsLayout->addLayout(m_detailsForm);
    detailsLayout->addWidget(new QLabel(tr("Last payload"), details));
    m_payload = new QPlainTextEdit(details);
    m_payload->setReadOnly(true);
    m_payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    detailsLayout->addWidget(m_payload, 1);
    m_createButton = new QPushButton(tr("Create binding…"), details);
    m_createButton->setObjectName(QStringLiteral("createBindingButton"));
    m_createButton->setToolTip(tr("Add a tag bound to the selected topic, JSON field or "
                                  "Sparkplug metric to the plant configuration"));
    m_createButton->setEnabled(false);
    detailsLayout->addWidget(m_createButton);
    splitter->addWidget(m_tree);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 760, 420 });
    layout->addWidget(splitter, 1);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("browseResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);

    connect(m_connectButton, &QPushButton::clicked, this, [this] {
        if (isBrowsing())
            disconnectBroker();
        else
            connectBroker();
    });
    connect(m_rootEdit, &QLineEdit::returnPressed, this, &BrowseBrokerDialog::connectBroker);
    connect(m_searchEdit, &QLineEdit::textChanged, this, &BrowseBrokerDialog::applySearch);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &BrowseBrokerDialog::updateDetails);
    connect(m_model, &TopicTreeModel::flushed, this, [this] {
        updateStatus();
        updateDetails();
    });
    connect(m_model, &TopicTreeModel::limitReachedChanged, this, &BrowseBrokerDialog::updateStatus);
    connect(m_createButton, &QPushButton::clicked, this, [this] {
        if (CreateBindingDialog *form = openCreateBinding())
            form->open();
    });

    if (m_plant->mqttConnections.empty()) {
        m_connectionBox->setEnabled(false);
        m_connectButton->setEnabled(false);
    }
    resize(1240, 700); // fits a 1366x768 laptop screen with its task bar
    updateStatus();
    updateDetails();
}

BrowseBrokerDialog::~BrowseBrokerDialog()
{
    disconnectBroker();
}

mqtt::MqttClientOptions BrowseBrokerDialog::clientOptions(const MqttConnection &c)
{
    // The engine's way to connect, secrets included (resolved at connect time, never shown).
    mqtt::MqttClientOptions o = mqtt::clientOptionsFor(c);
    // Never the engine's client id: the broker would disconnect the engine's session.
    const QString base = c.clientId.isEmpty() ? QStringLiteral("andon") : c.clientId;
    o.clientId = base + QStringLiteral("-browse-")
            + QString::number(QRandomGenerator::global()->bounded(0x1000000), 16);
    o.cleanSession = true; // a browse session must not leave queued messages on the broker
    o.will = mqtt::MqttWillOptions(); // a browse window vanishing is not the plant's news
    return o;
}

bool BrowseBrokerDialog::isValidFilter(const QString &filter)
{
    if (filter.isEmpty())
        return false;
    const QStringList levels = filter.split(QLatin1Char('/'));
    for (int i = 0; i < levels.size(); ++i) {
        const QString &l = levels[i];
        if (l.contains(QLatin1Char('#')) && (l != u"#" || i != levels.size() - 1))
            return false;
        if (l.contains(QLatin1Char('+')) && l != u"+")
            return false;
    }
    return true;
}

void BrowseBrokerDialog::connectBroker()
{
    disconnectBroker();
    m_result->hide();
    const QString id = m_connectionBox->currentData().toString();
    const MqttConnection *conn = m_plant->mqttConnection(id);
    const QString filter = m_rootEdit->text().trimmed();
    if (!conn)
        return;
    if (!isValidFilter(filter)) {
        m_state = tr("'%1' is not a valid topic filter ('#' only as the whole last level, '+' "
                     "only as a whole level)")
                          .arg(filter);
        updateStatus();
        return;
    }
    m_model->setConnectionId(id);
    m_model->clear();
    m_browsedConnection = id;
    m_client = std::make_unique<mqtt::MqttClient>(clientOptions(*conn));
    m_model->attach(m_client.get());
    m_client->subscribe(filter, std::min(conn->qos, 1));
    connect(m_client.get(), &mqtt::MqttClient::stateChanged, this,
            [this](mqtt::MqttClient::State, const QString &reason) {
                if (!m_client)
                    return;
                m_state = reason;
                updateStatus();
            });
    qCInfo(lcBrowseUi).noquote() << QStringLiteral("browsing %1 (%2) under %3 as %4")
                                            .arg(id, m_client->endpoint(), filter,
                                                 m_client->options().clientId);
    m_state.clear();
    if (!m_client->start())
        m_state = m_client->lastError();
    m_connectButton->setText(tr("Stop"));
    m_connectionBox->setEnabled(false);
    m_rootEdit->setEnabled(false);
    updateStatus();
}

void BrowseBrokerDialog::disconnectBroker()
{
    if (!m_client)
        return;
    std::unique_ptr<mqtt::MqttClient> client = std::move(m_client);
    client->disconnect(this);
    client->stop();
    client.reset();
    m_connectButton->setText(tr("Browse"));
    m_connectionBox->setEnabled(!m_plant->mqttConnections.empty());
    m_rootEdit->setEnabled(true);
    m_state.clear();
    updateStatus();
}

void BrowseBrokerDialog::closeEvent(QCloseEvent *event)
{
    disconnectBroker();
    QDialog::closeEvent(event);
}

void BrowseBrokerDialog::updateStatus()
{
    const QLocale locale;
    if (m_plant->mqttConnections.empty()) {
        m_status->setText(tr("No MQTT connection is configured. Add one under connections.mqtt "
                             "in the plant configuration to browse a broker."));
    } else if (!m_client) {
        m_status->setText(m_state.isEmpty()
                                  ? tr("Choose a connection and a root filter, then Browse. "
                                       "Browsing uses its own client and never publishes.")
                                  : m_state);
    } else {
        const QString state = mqtt::MqttClient::stateName(m_client->state());
        QString text = tr("State: %1 · %2 as %3 · %4 topics · %5 messages")
                               .arg(state, m_client->endpoint(), m_client->options().clientId)
                               .arg(locale.toString(m_model->topicCount()))
                               .arg(locale.toString(qulonglong(m_model->messagesSeen())));
        if (m_client->state() != mqtt::MqttClient::State::Connected && !m_state.isEmpty())
            text += QStringLiteral(" · ") + m_state;
        m_status->setText(text);
    }
    m_limit->setVisible(m_model->limitReached());
    if (m_model->limitReached())
        m_limit->setText(tr("⚠ Showing the first %1 topics: new topics are not added (%2 "
                            "messages skipped). Narrow the root filter to see the rest.")
                                 .arg(locale.toString(m_model->maxTopics()))
                                 .arg(locale.toString(qulonglong(m_model->droppedMessages()))));
}

void BrowseBrokerDialog::applySearch()
{
    m_proxy->setFilterFixedString(m_searchEdit->text().trimmed());
    // Show where the matches are, as long as that stays cheap.
    if (!m_searchEdit->text().trimmed().isEmpty() && m_model->topicCount() <= 2000)
        m_tree->expandAll();
}

QModelIndex BrowseBrokerDialog::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex()).siblingAtColumn(0);
}

void BrowseBrokerDialog::selectSourceIndex(const QModelIndex &sourceIndex)
{
    const QModelIndex proxyIndex = m_proxy->mapFromSource(sourceIndex);
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
    updateDetails();
}

void BrowseBrokerDialog::updateDetails()
{
    const QModelIndex index = currentSourceIndex();
    if (!index.isValid()) {
        for (QLabel *l : { m_detailTopic, m_detailKind, m_detailTraffic, m_detailFlags,
                           m_detailExtra })
            l->clear();
        m_detailTopic->setText(tr("Select a topic, field or metric."));
        m_payload->clear();
        m_createButton->setEnabled(false);
        return;
    }
    TopicTreeModel::Details d = m_model->details(index);
    // A JSON field shows the traffic and payload of the topic it belongs to.
    TopicTreeModel::Details topicDetails = d;
    if (d.kind == TopicTreeModel::NodeKind::JsonField)
        topicDetails = m_model->details(m_model->indexOfTopic(d.topic));
    const QLocale locale;
    using Kind = TopicTreeModel::NodeKind;
    QString extra;
    switch (d.kind) {
    case Kind::Topic:
        m_detailTopic->setText(d.topic);
        m_detailKind->setText(d.hasMessage ? tr("%1, %2 bytes").arg(d.payloadKindText).arg(d.payloadBytes)
                                           : tr("topic level (no message on it)"));
        extra = tr("%1 topics below").arg(d.childTopics);
        break;
    case Kind::JsonField:
        m_detailTopic->setText(d.topic);
        m_detailKind->setText(tr("JSON field %1").arg(d.pointer));
        extra = d.present ? tr("value: %1").arg(d.value)
                          : tr("not in the last message (last seen: %1)").arg(d.value);
        break;
    case Kind::SparkplugNode:
    case Kind::SparkplugDevice:
        m_detailTopic->setText(d.device.isEmpty() ? tr("group %1, edge node %2").arg(d.group, d.node)
                                                  : tr("group %1, edge node %2, device %3")
                                                            .arg(d.group, d.node, d.device));
        m_detailKind->setText(d.kind == Kind::SparkplugNode ? tr("Sparkplug B edge node")
                                                            : tr("Sparkplug B device"));
        break;
    case Kind::SparkplugMetric:
        m_detailTopic->setText(d.device.isEmpty() ? tr("group %1, edge node %2").arg(d.group, d.node)
                                                  : tr("group %1, edge node %2, device %3")
                                                            .arg(d.group, d.node, d.device));
        m_detailKind->setText(tr("Sparkplug B metric %1").arg(d.metric));
        extra = tr("datatype %1 · units %2 · alias %3 · value %4%5")
                        .arg(d.datatype, d.unit.isEmpty() ? tr("none") : d.unit,
                             d.alias >= 0 ? QString::number(d.alias) : tr("none"), d.value,
                             d.bound ? tr(" · already bound to a tag") : QString());
        break;
    }
    if (topicDetails.kind == Kind::Topic && topicDetails.hasMessage) {
        const TopicTreeModel::Details &t = topicDetails;
        m_detailTraffic->setText(
                tr("%1 messages · %2 msg/s · last %3")
                        .arg(locale.toString(qulonglong(t.count)), locale.toString(t.rate, 'f', 2),
                             QDateTime::fromMSecsSinceEpoch(t.lastMs,
                                                            QTimeZone(m_plant->timeZone().toUtf8()))
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
        m_detailFlags->setText(tr("QoS %1 · %2").arg(t.qos).arg(t.retained ? tr("retained")
                                                                           : tr("not retained")));
        if (m_payload->toPlainText() != t.pretty)
            m_payload->setPlainText(t.pretty);
    } else {
        m_detailTraffic->clear();
        m_detailFlags->clear();
        m_payload->clear();
    }
    m_detailExtra->setText(extra);
    gateWidget(m_createButton, m_access, Action::EditConfig,
               m_model->suggestBinding(index).valid && !m_plant->sourceFile.isEmpty()
                       && !m_plant->machines.empty());
}

void BrowseBrokerDialog::setAccess(AccessControl *access, storage::Historian *journal)
{
    if (m_access)
        disconnect(m_access, nullptr, this, nullptr);
    m_access = access;
    m_journal = journal;
    if (m_access)
        connect(m_access, &AccessControl::userChanged, this, &BrowseBrokerDialog::updateDetails);
    if (m_form)
        m_form->setAccess(access, journal);
    updateDetails();
}

CreateBindingDialog *BrowseBrokerDialog::openCreateBinding()
{
    const QModelIndex index = currentSourceIndex();
    const TopicTreeModel::BindingSuggestion s = m_model->suggestBinding(index);
    if (!s.valid || m_plant->sourceFile.isEmpty())
        return nullptr;
    // A UNS topic usually starts with the machine's ISA-95 path: preselect that machine.
    const QString topic = s.sparkplug ? QString() : s.mqtt.topic;
    QString machinePath;
    for (const Machine &m : m_plant->machines)
        if (!topic.isEmpty() && (topic.startsWith(m.path + QLatin1Char('/')) || topic == m.path)
            && m.path.size() > machinePath.size())
            machinePath = m.path;
    if (m_form)
        m_form->deleteLater();
    m_form = new CreateBindingDialog(m_plant, m_browsedConnection, machinePath, s.tagName, s.unit,
                                     s.kind, s.sparkplug ? nullptr : &s.mqtt,
                                     s.sparkplug ? &s.spb : nullptr, this);
    m_form->setAttribute(Qt::WA_DeleteOnClose);
    m_form->setAccess(m_access, m_journal);
    connect(m_form, &CreateBindingDialog::written, this, &BrowseBrokerDialog::bindingWritten);
    return m_form;
}

void BrowseBrokerDialog::bindingWritten(const ConfigWriteResult &result)
{
    m_result->setText(tr("Added tag %1 at %2:%3 (previous version saved as %4). Restart Andon "
                         "or reload the configuration to apply it.")
                              .arg(result.tagPath, result.file)
                              .arg(result.line)
                              .arg(QFileInfo(result.backupFile).fileName())
                      + (result.message.contains(QLatin1Char('\n'))
                                 ? QLatin1Char('\n') + result.message.section(QLatin1Char('\n'), 1)
                                 : QString()));
    m_result->show();
}

// ---- CreateBindingDialog ----

CreateBindingDialog::CreateBindingDialog(std::shared_ptr<const PlantModel> plant,
                                         const QString &connectionId,
                                         const QString &suggestedMachinePath,
                                         const QString &tagName, const QString &unit,
                                         TagKind kind, const MqttBinding *mqtt,
                                         const SparkplugBinding *sparkplug, QWidget *parent)
    : QDialog(parent), m_plant(std::move(plant)), m_connection(connectionId)
{
    setWindowTitle(tr("Create binding"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    auto *source = new QLabel(this);
    source->setWordWrap(true);
    source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (sparkplug) {
        m_sparkplug = true;
        m_spb = *sparkplug;
        m_spb.connection = connectionId;
        source->setText(m_spb.device.isEmpty()
                                ? tr("Sparkplug B metric \"%1\" of edge node %2/%3 on %4")
                                          .arg(m_spb.metric, m_spb.group, m_spb.node, connectionId)
                                : tr("Sparkplug B metric \"%1\" of device %2/%3/%4 on %5")
                                          .arg(m_spb.metric, m_spb.group, m_spb.node, m_spb.device,
                                               connectionId));
    } else if (mqtt) {
        m_topic = mqtt->topic;
        source->setText(tr("MQTT topic %1 on %2").arg(m_topic, connectionId));
    }
    form->addRow(tr("Source"), source);

    m_machine = new QComboBox(this);
    for (const Machine &m : m_plant->machines)
        m_machine->addItem(m.path, m.path);
    const int preset = m_machine->findData(suggestedMachinePath);
    if (preset >= 0)
        m_machine->setCurrentIndex(preset);
    form->addRow(tr("Machine"), m_machine);

    m_name = new QLineEdit(tagName, this);
    m_name->setToolTip(tr("Letters, digits, '_' and '-'; the tag's path is machine/name"));
    form->addRow(tr("Tag name"), m_name);

    m_kind = new QComboBox(this);
    for (TagKind k : { TagKind::Analog, TagKind::Counter, TagKind::State, TagKind::Bool })
        m_kind->addItem(tagKindName(k), int(k));
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    form->addRow(tr("Kind"), m_kind);

    m_unit = new QLineEdit(unit, this);
    m_unit->setPlaceholderText(tr("e.g. °C, mm/s, parts"));
    form->addRow(tr("Unit"), m_unit);

    if (!m_sparkplug && mqtt) {
        m_format = new QComboBox(this);
        for (PayloadFormat f : { PayloadFormat::Number, PayloadFormat::Bool, PayloadFormat::Enum,
                                 PayloadFormat::Json })
            m_format->addItem(payloadFormatName(f), int(f));
        m_format->setCurrentIndex(m_format->findData(int(mqtt->format)));
        form->addRow(tr("Payload format"), m_format);
        m_value = new QLineEdit(mqtt->valuePointer, this);
        m_value->setPlaceholderText(tr("JSON Pointer, e.g. /value (empty: whole document)"));
        form->addRow(tr("Value"), m_value);
        m_timestamp = new QLineEdit(mqtt->timestampPointer, this);
        m_timestamp->setPlaceholderText(tr("JSON Pointer to epoch ms/s or ISO-8601 (empty: receive time)"));
        form->addRow(tr("Timestamp"), m_timestamp);
        m_quality = new QLineEdit(mqtt->qualityPointer, this);
        m_quality->setPlaceholderText(tr("JSON Pointer to a quality (empty: good)"));
        form->addRow(tr("Quality"), m_quality);
        m_scale = new QDoubleSpinBox(this);
        m_scale->setDecimals(6);
        m_scale->setRange(-1e9, 1e9);
        m_scale->setValue(mqtt->scale);
        form->addRow(tr("Scale"), m_scale);
        m_offset = new QDoubleSpinBox(this);
        m_offset->setDecimals(6);
        m_offset->setRange(-1e9, 1e9);
        m_offset->setValue(mqtt->offset);
        form->addRow(tr("Offset"), m_offset);
        const auto jsonOnly = [this] {
            const bool json = PayloadFormat(m_format->currentData().toInt()) == PayloadFormat::Json;
            for (QLineEdit *e : { m_value, m_timestamp, m_quality })
                e->setEnabled(json);
        };
        connect(m_format, &QComboBox::currentIndexChanged, this, jsonOnly);
        jsonOnly();
    }

    auto *file = new QLabel(tr("Written to %1 (a backup is kept as %2.bak)")
                                    .arg(m_plant->sourceFile, QFileInfo(m_plant->sourceFile).fileName()),
                            this);
    file->setWordWrap(true);
    file->setForegroundRole(QPalette::Mid);
    layout->addWidget(file);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("bindingMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(warningStyle());
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *add = buttons->addButton(tr("Add to configuration"), QDialogButtonBox::AcceptRole);
    add->setObjectName(QStringLiteral("addBindingButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, [this] { write(); });
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

NewTagRequest CreateBindingDialog::request() const
{
    NewTagRequest r;
    r.machinePath = m_machine->currentData().toString();
    r.name = m_name->text().trimmed();
    r.unit = m_unit->text().trimmed();
    r.kind = TagKind(m_kind->currentData().toInt());
    if (m_sparkplug) {
        r.sparkplug = m_spb;
    } else {
        MqttBinding b;
        b.connection = m_connection;
        b.topic = m_topic;
        b.format = PayloadFormat(m_format->currentData().toInt());
        if (b.format == PayloadFormat::Json) {
            b.valuePointer = m_value->text().trimmed();
            b.timestampPointer = m_timestamp->text().trimmed();
            b.qualityPointer = m_quality->text().trimmed();
        }
        b.scale = m_scale->value();
        b.offset = m_offset->value();
        r.mqtt = b;
    }
    return r;
}

void CreateBindingDialog::setAccess(AccessControl *access, storage::Historian *journal)
{
    m_access = access;
    m_journal = journal;
}

bool CreateBindingDialog::write()
{
    QString why;
    if (!allowed(m_access, Action::EditConfig, &why)) {
        m_message->setText(tr("⚠ Not written: %1").arg(why));
        m_message->show();
        return false;
    }
    if (!m_journal) {
        m_message->setText(tr("⚠ Not written: no historian is open, so the change could not be "
                              "recorded in the audit journal."));
        m_message->show();
        return false;
    }
    const NewTagRequest r = request();
    m_result = ConfigWriter::addTag(m_plant->sourceFile, r);
    if (!m_result.ok) {
        m_message->setText(tr("⚠ Not written: %1").arg(m_result.message));
        m_message->show();
        return false;
    }
    // The journal is English like the log (evidence, read later in any language).
    storage::Event event;
    event.category = QStringLiteral("audit");
    event.kind = QStringLiteral("config.add_tag");
    event.source = m_result.tagPath;
    event.user = currentUserName();
    event.newValue = m_result.tagPath;
    event.message = QStringLiteral("Added tag %1 to %2:%3 (binding from Browse broker, "
                                   "connection %4)")
                            .arg(m_result.tagPath, m_result.file)
                            .arg(m_result.line)
                            .arg(m_connection);
    event.details = QString::fromUtf8(
            QJsonDocument(QJsonObject{ { QStringLiteral("file"), m_result.file },
                                       { QStringLiteral("line"), m_result.line },
                                       { QStringLiteral("backup"), m_result.backupFile },
                                       { QStringLiteral("connection"), m_connection } })
                    .toJson(QJsonDocument::Compact));
    QString journalError;
    if (m_journal->appendEvent(event, &journalError) < 0) {
        // The file is already written: say loudly that its audit record is missing.
        qCWarning(lcBrowseUi).noquote() << "audit entry not recorded:" << journalError << "-"
                                        << event.message;
        m_result.message += QLatin1Char('\n')
                + tr("⚠ The audit journal did not record this change: %1").arg(journalError);
    }
    emit written(m_result);
    accept();
    return true;
}

} // namespace andon::ui
