#include "core/derived_formula.h"

#include "core/derived_parse.h"
#include "core/derived_tags.h"

#include <QCoreApplication>

#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace andon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::DerivedFormula", text);
}

struct Factory : derived::NameResolver
{
    TagDef context; // not a model tag: only its path matters for resolving names
    std::deque<double> *cells = nullptr;
    std::vector<TagId> *inputs = nullptr;
};

double *factory(const char *name, void *user)
{
    auto *f = static_cast<Factory *>(static_cast<derived::NameResolver *>(user));
    const TagId id = f->resolve(name);
    if (id == kInvalidTag)
        return &f->dummy;
    const auto it = std::find(f->inputs->begin(), f->inputs->end(), id);
    if (it != f->inputs->end())
        return &(*f->cells)[std::size_t(it - f->inputs->begin())];
    f->inputs->push_back(id);
    f->cells->push_back(1.0);
    return &f->cells->back();
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
    f.context.path = contextPath;
    f.self = &f.context;
    f.cells = &m_slots;
    f.inputs = &m_inputs;
    if (const auto problem = derived::parse(*m_parser, expression, factory, f))
        return fail(problem->what, problem->position);
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
