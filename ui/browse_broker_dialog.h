// Browse broker (UNS discovery, ISA-101 level 4): connects to one of the configured MQTT
// brokers with a separate client (its own client id, so the engine's session is untouched),
// subscribes to a root filter and shows the live topic tree (TopicTreeModel) with a search box
// and a details pane. "Create binding…" turns a topic, JSON field or Sparkplug metric into a
// tag in the plant YAML file (ConfigWriter). Non-modal; owned by MainWindow (WA_DeleteOnClose).
#pragma once

#include "connectors/mqtt/mqtt_client.h"
#include "core/config_writer.h"
#include "core/plant_model.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace andon::models {
class TopicTreeModel;
}

namespace andon {
class AccessControl;
}
namespace andon::storage {
class Historian;
}

namespace andon::ui {

class CreateBindingDialog;

class BrowseBrokerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BrowseBrokerDialog(std::shared_ptr<const PlantModel> plant, QWidget *parent = nullptr);
    ~BrowseBrokerDialog() override;

    // The client settings of a configured connection (TLS, credentials from password_env),
    // with a client id of its own and a clean session, no Last-Will.
    static mqtt::MqttClientOptions clientOptions(const MqttConnection &connection);
    // MQTT 3.1.1 §4.7: '#' only as the whole last level, '+' only as a whole level.
    static bool isValidFilter(const QString &filter);

    void connectBroker();     // (re)connects with the selected connection and root filter
    void disconnectBroker();
    bool isBrowsing() const { return m_client != nullptr; }

    // Selects a row of the model (source index) in the tree and shows its details.
    void selectSourceIndex(const QModelIndex &sourceIndex);
    QModelIndex currentSourceIndex() const;
    // Opens the "Create binding" form for the selected row; null when the row cannot be bound.
    CreateBindingDialog *openCreateBinding();
    // Who may create bindings (EditConfig: Engineer and up) and where that is audited. Without
    // both, "Create binding…" stays disabled and says why (a configuration change must be
    // tied to a user and journaled).
    void setAccess(AccessControl *access, storage::Historian *journal);

    QComboBox *connectionBox() const { return m_connectionBox; }
    QLineEdit *rootFilterEdit() const { return m_rootEdit; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QTreeView *treeView() const { return m_tree; }
    QPushButton *connectButton() const { return m_connectButton; }
    QPushButton *createBindingButton() const { return m_createButton; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *resultLabel() const { return m_result; }
    QLabel *limitLabel() const { return m_limit; }
    models::TopicTreeModel *model() const { return m_model; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateStatus();
    void updateDetails();
    void applySearch();
    void bindingWritten(const ConfigWriteResult &result);

    std::shared_ptr<const PlantModel> m_plant;
    std::unique_ptr<mqtt::MqttClient> m_client;
    QString m_state;          // client state in words
    QString m_browsedConnection;
    models::TopicTreeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_connectionBox = nullptr;
    QLineEdit *m_rootEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QTreeView *m_tree = nullptr;
    QFormLayout *m_detailsForm = nullptr;
    QLabel *m_detailTopic = nullptr;
    QLabel *m_detailKind = nullptr;
    QLabel *m_detailTraffic = nullptr;
    QLabel *m_detailFlags = nullptr;
    QLabel *m_detailExtra = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QPushButton *m_createButton = nullptr;
    QLabel *m_limit = nullptr;
    QLabel *m_result = nullptr;
    QPointer<CreateBindingDialog> m_form;
    AccessControl *m_access = nullptr;
    storage::Historian *m_journal = nullptr;
};

// The small form behind "Create binding…": machine, tag name, kind, unit and the binding
// (payload format, JSON Pointers, scale/offset; or the Sparkplug metric), prefilled from what
// was seen. write() adds the tag to the plant file through ConfigWriter.
class CreateBindingDialog : public QDialog
{
    Q_OBJECT
public:
    CreateBindingDialog(std::shared_ptr<const PlantModel> plant, const QString &connectionId,
                        const QString &suggestedMachinePath, const QString &tagName,
                        const QString &unit, TagKind kind, const MqttBinding *mqtt,
                        const SparkplugBinding *sparkplug, QWidget *parent = nullptr);

    NewTagRequest request() const;
    // Who writes (EditConfig needed) and the audit journal the change goes to.
    void setAccess(AccessControl *access, storage::Historian *journal);
    // Writes the tag and its audit entry ("config.add_tag"); on success emits written() and
    // accepts, else shows the message. Refused without the EditConfig role or a journal.
    bool write();
    ConfigWriteResult lastResult() const { return m_result; }

    QComboBox *machineBox() const { return m_machine; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *unitEdit() const { return m_unit; }
    QComboBox *formatBox() const { return m_format; }
    QLineEdit *valuePointerEdit() const { return m_value; }
    QLineEdit *timestampPointerEdit() const { return m_timestamp; }
    QLineEdit *qualityPointerEdit() const { return m_quality; }
    QLabel *messageLabel() const { return m_message; }

signals:
    void written(const andon::ConfigWriteResult &result);

private:
    std::shared_ptr<const PlantModel> m_plant;
    AccessControl *m_access = nullptr;
    storage::Historian *m_journal = nullptr;
    QString m_connection;
    bool m_sparkplug = false;
    SparkplugBinding m_spb;
    QString m_topic;
    QComboBox *m_machine = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_unit = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_value = nullptr;
    QLineEdit *m_timestamp = nullptr;
    QLineEdit *m_quality = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QDoubleSpinBox *m_offset = nullptr;
    QLabel *m_message = nullptr;
    ConfigWriteResult m_result;
};

} // namespace andon::ui
