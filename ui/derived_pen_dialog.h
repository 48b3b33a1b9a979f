// "Add derived pen…" on the Trends page: name, unit, decimals and a muParser expression over
// tags, with a searchable tag list (double-click inserts the tag's shortest unique name) and
// live validation that says what is wrong in words. Owned by the Trends page (parent).
#pragma once

#include "ui/trends_page.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace andon::ui {

class DerivedPenDialog : public QDialog
{
    Q_OBJECT
public:
    DerivedPenDialog(TrendsPage *page, const PlantModel &model,
                     const TrendsPage::DerivedPenSpec &initial, QWidget *parent = nullptr);

    TrendsPage::DerivedPenSpec spec() const;
    void setSpec(const TrendsPage::DerivedPenSpec &spec);
    bool isValid() const { return m_valid; }
    QString problem() const; // the validation line as shown ("" when valid)
    QLineEdit *expressionEdit() const { return m_expression; }
    QListWidget *tagList() const { return m_tags; }
    // Inserts the short name of the tag at `path` at the expression's cursor.
    void insertTag(const QString &path);

private:
    void validate();
    void filterTags(const QString &text);

    TrendsPage *m_page;
    const PlantModel &m_model;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_unit = nullptr;
    QSpinBox *m_decimals = nullptr;
    QLineEdit *m_expression = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_tags = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_valid = false;
};

} // namespace andon::ui
