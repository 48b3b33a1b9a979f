#include "ui/derived_pen_dialog.h"

#include "core/derived_formula.h"
#include "widgets/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace andon::ui {

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
}

DerivedPenDialog::DerivedPenDialog(TrendsPage *page, const PlantModel &model,
                                   const TrendsPage::DerivedPenSpec &initial, QWidget *parent)
    : QDialog(parent), m_page(page), m_model(model)
{
    setObjectName(QStringLiteral("derivedPenDialog"));
    setWindowTitle(tr("Derived pen"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("derivedName"));
    m_name->setPlaceholderText(tr("e.g. Energy per part"));
    form->addRow(tr("Name:"), m_name);
    m_unit = new QLineEdit(this);
    m_unit->setObjectName(QStringLiteral("derivedUnit"));
    m_unit->setPlaceholderText(tr("e.g. kWh/part"));
    m_decimals = new QSpinBox(this);
    m_decimals->setRange(0, 6);
    auto *unitRow = new QHBoxLayout;
    unitRow->addWidget(m_unit, 1);
    unitRow->addWidget(new QLabel(tr("Decimals:"), this));
    unitRow->addWidget(m_decimals);
    form->addRow(tr("Unit:"), unitRow);
    m_expression = new QLineEdit(this);
    m_expression->setObjectName(QStringLiteral("derivedExpression"));
    m_expression->setPlaceholderText(tr("e.g. press2.power / (press2.rate * 60)"));
    form->addRow(tr("Expression:"), m_expression);
    layout->addLayout(form);
    auto *help = new QLabel(tr("Tags by path with dots for slashes, or any unique end of it "
                               "(\"press2.power\"); + − * / ^, min(), max(), abs(), sqrt(), "
                               "log(), if-then-else as a ? b : c. Double-click a tag to insert "
                               "it."),
                            this);
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::Mid);
    layout->addWidget(help);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search tags…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);
    m_tags = new QListWidget(this);
    m_tags->setObjectName(QStringLiteral("derivedTags"));
    for (const TagDef &t : model.tags) {
        const QString shortName = DerivedFormula::shortName(model, t.id);
        auto *item = new QListWidgetItem(
            t.unit.isEmpty() ? shortName : tr("%1 (%2)").arg(shortName, t.unit), m_tags);
        item->setData(kPathRole, t.path);
        item->setToolTip(t.description.isEmpty() ? t.path
                                                 : tr("%1\n%2").arg(t.path, t.description));
    }
    layout->addWidget(m_tags, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("derivedStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add pen"));
    layout->addWidget(m_buttons);
    resize(560, 480);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &DerivedPenDialog::validate);
    connect(m_expression, &QLineEdit::textChanged, this, &DerivedPenDialog::validate);
    connect(m_search, &QLineEdit::textChanged, this, &DerivedPenDialog::filterTags);
    connect(m_tags, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { insertTag(item->data(kPathRole).toString()); });
    setSpec(initial);
}

TrendsPage::DerivedPenSpec DerivedPenDialog::spec() const
{
    TrendsPage::DerivedPenSpec s;
    s.name = m_name->text().trimmed();
    s.unit = m_unit->text().trimmed();
    s.expression = m_expression->text().trimmed();
    s.decimals = m_decimals->value();
    return s;
}

void DerivedPenDialog::setSpec(const TrendsPage::DerivedPenSpec &spec)
{
    m_name->setText(spec.name);
    m_unit->setText(spec.unit);
    m_decimals->setValue(spec.decimals);
    m_expression->setText(spec.expression);
    validate();
}

QString DerivedPenDialog::problem() const
{
    return m_valid ? QString() : m_status->text();
}

void DerivedPenDialog::insertTag(const QString &path)
{
    const TagId id = m_model.tagIdByPath(path);
    if (id == kInvalidTag)
        return;
    m_expression->insert(DerivedFormula::shortName(m_model, id));
    m_expression->setFocus();
}

void DerivedPenDialog::filterTags(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_tags->count(); ++i) {
        QListWidgetItem *item = m_tags->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive)
                        && !item->toolTip().contains(needle, Qt::CaseInsensitive));
    }
}

void DerivedPenDialog::validate()
{
    QStringList inputs;
    const QString expression = m_expression->text().trimmed();
    QString problem = m_page->checkDerivedExpression(expression, &inputs);
    if (problem.isEmpty() && m_name->text().trimmed().isEmpty())
        problem = tr("Give the pen a name.");
    m_valid = problem.isEmpty();
    const widgets::ThemeColors &c = widgets::Theme::colors();
    QPalette pal = m_status->palette();
    if (m_valid) {
        QStringList names;
        for (const QString &p : inputs)
            names << p;
        m_status->setText(tr("✓ Reads %1.").arg(names.join(QStringLiteral(", "))));
        pal.setColor(QPalette::WindowText, c.secondaryText);
    } else {
        // A problem is text in the normal colour with a warning sign: not an alarm colour.
        m_status->setText(tr("⚠ %1").arg(problem));
        pal.setColor(QPalette::WindowText, c.text);
    }
    m_status->setPalette(pal);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
}

} // namespace andon::ui
