#include "core/derived_formula.h"

#include "core/derived_tags.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon {

namespace {

// muParser's default name characters plus '.', as for `expression:` tags.
constexpr const char *kNameChars =
        "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.";

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::DerivedFormula", text);
}

struct Factory
{
    const PlantModel *model = nullptr;
    TagDef self; // not a model tag: only its path matters for resolving names
    std::deque<double> *cells = nullptr;
    std::vector<TagId> *inputs = nullptr;
    QString error, errorName;
    double dummy = 0;
};

double *factory(const char *name, void *user)
{
    auto *f = static_cast<Factory *>(user);
    const QString n = QString::fromUtf8(name);
    QString why;
    const TagId id = resolveDerivedName(*f->model, f->self, n, &why);
    if (id == kInvalidTag) {
        if (f->error.isEmpty()) {
            f->error = why;
            f->errorName = n;
        }
        return &f->dummy;
    }
    const auto it = std::find(f->inputs->begin(), f->inputs->end(), id);
    if (it != f->inputs->end())
        return &(*f->cells)[std::size_t(it - f->inputs->begin())];
    f->inputs->push_back(id);
    f->cells->push_back(1.0);
    return &f->cells->back();
}

int namePosition(const QString &expression, const QString &name)
{
    const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9_.])%1(?![A-Za-z0-9_.])")
                                    .arg(QRegularExpression::escape(name)));
    const QRegularExpressionMatch m = re.match(expression);
    return m.hasMatch() ? int(m.capturedStart()) : -1;
}

} // namespace

DerivedFormula::DerivedFormula() = default;
DerivedFormula::~DerivedFormula() = default;

bool DerivedFormula::compile(const PlantModel &model, const QString &expression,
                             const QString &contextPath, QString *error, int *position)
{
    m_parser = std::make_unique<mu::Parser>();
    m_slots.clear();
    m_inputs.clear();
    m_expression = expression;
    m_valid = false;
    auto fail = [&](const QString &what, int pos) {
        if (error) {
            *error = pos >= 0 ? tr("%1 at character %2").arg(what).arg(pos + 1) : what;
        }
        if (position)
            *position = pos;
        m_inputs.clear();
        m_slots.clear();
        return false;
    };
    if (expression.trimmed().isEmpty())
        return fail(tr("the expression is empty"), -1);
    Factory f;
    f.model = &model;
    f.self.path = contextPath;
    f.cells = &m_slots;
    f.inputs = &m_inputs;
    try {
        m_parser->DefineNameChars(kNameChars);
        m_parser->SetVarFactory(factory, &f);
        m_parser->SetExpr(expression.toStdString());
        m_parser->Eval();
        m_parser->SetVarFactory(nullptr, nullptr);
    } catch (const mu::Parser::exception_type &e) {
        // muParser says "... found at position N" (from 0); we say "at character N+1".
        static const QRegularExpression where(QStringLiteral("( found)? at position \\d+\\.?$"));
        QString what = QString::fromStdString(e.GetMsg()).remove(where);
        if (!what.isEmpty())
            what[0] = what[0].toLower();
        int pos = e.GetPos();
        if (pos > expression.size() - 1)
            pos = int(expression.size()) - 1;
        return fail(what, pos);
    }
    if (!f.error.isEmpty())
        return fail(f.error, namePosition(expression, f.errorName));
    if (m_inputs.empty())
        return fail(tr("the expression refers to no tag"), -1);
    m_valid = true;
    if (error)
        error->clear();
    if (position)
        *position = -1;
    return true;
}

double DerivedFormula::evaluate(const std::vector<double> &values) const
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!m_valid || values.size() != m_inputs.size())
        return nan;
    for (std::size_t i = 0; i < values.size(); ++i)
        m_slots[i] = values[i];
    try {
        const double v = m_parser->Eval();
        return std::isfinite(v) ? v : nan;
    } catch (const mu::Parser::exception_type &) {
        return nan;
    }
}

QString DerivedFormula::shortName(const PlantModel &model, TagId tag, const QString &contextPath)
{
    if (tag >= model.tags.size())
        return QString();
    const QStringList parts = model.tags[tag].path.split(QLatin1Char('/'));
    TagDef self;
    self.path = contextPath;
    for (int k = 1; k <= parts.size(); ++k) {
        const QString name = parts.mid(parts.size() - k).join(QLatin1Char('.'));
        if (resolveDerivedName(model, self, name, nullptr) == tag)
            return name;
    }
    return parts.join(QLatin1Char('.'));
}

} // namespace andon
