#include "core/derived_tags.h"

#include "core/derived_parse.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>

Q_LOGGING_CATEGORY(lcDerived, "andon.derived")

namespace andon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("andon::DerivedTags", text);
}

// What the variable factory needs while muParser parses one expression.
struct FactoryContext : derived::NameResolver
{
    double *values = nullptr; // one slot per TagId
    std::vector<TagId> inputs;
};

double *variableFactory(const char *name, void *user)
{
    auto *ctx = static_cast<FactoryContext *>(static_cast<derived::NameResolver *>(user));
    const TagId id = ctx->resolve(name);
    if (id == kInvalidTag)
        return &ctx->dummy;
    if (std::find(ctx->inputs.begin(), ctx->inputs.end(), id) == ctx->inputs.end())
        ctx->inputs.push_back(id);
    return &ctx->values[id];
}

QString problemText(const TagDef &tag, const QString &what, int position)
{
    if (position >= 0) {
        return tr("tag %1: expression \"%2\": %3 at character %4")
            .arg(tag.path, tag.expression, what)
            .arg(position + 1);
    }
    return tr("tag %1: expression \"%2\": %3").arg(tag.path, tag.expression, what);
}

// Parses the expression of `tag` into `parser` (names bound to `values`); on failure returns
// the problem. The parser is evaluated once to force the parse (values are whatever they are).
std::optional<DerivedTagProblem> compile(const PlantModel &model, const TagDef &tag,
                                         double *values, mu::Parser &parser,
                                         std::vector<TagId> *inputs)
{
    FactoryContext ctx;
    ctx.model = &model;
    ctx.self = &tag;
    ctx.values = values;
    if (const auto problem = derived::parse(parser, tag.expression, variableFactory, ctx)) {
        return DerivedTagProblem { tag.id, problem->position,
            problemText(tag, problem->what, problem->position) };
    }
    if (inputs)
        *inputs = ctx.inputs;
    return std::nullopt;
}

QString segments(const QString &name)
{
    return QString(name).replace(QLatin1Char('.'), QLatin1Char('/'));
}

int commonSegments(const QString &a, const QString &b)
{
    const QStringList x = a.split(QLatin1Char('/')), y = b.split(QLatin1Char('/'));
    int n = 0;
    while (n < x.size() && n < y.size() && x[n] == y[n])
        ++n;
    return n;
}

// Every tag with an expression, compiled; problems (including cycles) reported, order is a
// topological order of the good ones (inputs before the tags that read them).
struct Compilation
{
    std::vector<DerivedTagProblem> problems;
    std::vector<TagId> order;
    std::vector<std::vector<TagId>> inputs; // per TagId (empty for plain tags)
};

Compilation compileAll(const PlantModel &model)
{
    Compilation c;
    c.inputs.resize(model.tags.size());
    std::vector<double> scratch(model.tags.size(), 1.0);
    std::vector<char> good(model.tags.size(), 0);
    for (const TagDef &tag : model.tags) {
        if (tag.expression.trimmed().isEmpty())
            continue;
        mu::Parser parser;
        std::vector<TagId> inputs;
        if (auto problem = compile(model, tag, scratch.data(), parser, &inputs)) {
            c.problems.push_back(*problem);
            continue;
        }
        if (inputs.empty()) {
            c.problems.push_back({tag.id, -1, problemText(tag, tr("refers to no tag"), -1)});
            continue;
        }
        c.inputs[tag.id] = inputs;
        good[tag.id] = 1;
    }
    // Depth-first topological order; a cycle is reported once, at the tag that closes it.
    enum : char { White, Grey, Black };
    std::vector<char> colour(model.tags.size(), White);
    std::vector<char> inCycle(model.tags.size(), 0);
    std::function<bool(TagId, std::vector<TagId> &)> visit = [&](TagId t,
                                                                   std::vector<TagId> &stack) {
        if (colour[t] == Black)
            return !inCycle[t];
        if (colour[t] == Grey) {
            // The stack from t to here is the cycle.
            QStringList names;
            const auto start = std::find(stack.begin(), stack.end(), t);
            for (auto it = start; it != stack.end(); ++it) {
                names << model.tags[*it].path;
                inCycle[*it] = 1;
            }
            names << model.tags[t].path;
            c.problems.push_back({t, -1, problemText(model.tags[t],
                                                     tr("refers to itself through %1")
                                                         .arg(names.join(QStringLiteral(" → "))),
                                                     -1)});
            return false;
        }
        colour[t] = Grey;
        stack.push_back(t);
        bool ok = true;
        for (TagId in : c.inputs[t]) {
            if (c.inputs[in].empty() && !model.tags[in].expression.trimmed().isEmpty()) {
                ok = false; // reads a derived tag that has a problem of its own
                c.problems.push_back(
                    {t, -1, problemText(model.tags[t],
                                        tr("reads %1, whose expression has a problem")
                                            .arg(model.tags[in].path),
                                        -1)});
                continue;
            }
            if (!c.inputs[in].empty())
                ok = visit(in, stack) && ok;
        }
        stack.pop_back();
        colour[t] = Black;
        if (!ok)
            inCycle[t] = 1;
        else
            c.order.push_back(t);
        return ok;
    };
    for (TagId t = 0; t < TagId(model.tags.size()); ++t) {
        if (good[t] && colour[t] == White) {
            std::vector<TagId> stack;
            visit(t, stack);
        }
    }
    return c;
}

} // namespace

TagId resolveDerivedName(const PlantModel &model, const TagDef &self, const QString &name,
                         QString *error)
{
    const QString suffix = segments(name);
    std::vector<TagId> matches;
    for (const TagDef &t : model.tags) {
        if (t.id == self.id)
            continue;
        if (t.path == suffix || t.path.endsWith(QLatin1Char('/') + suffix))
            matches.push_back(t.id);
    }
    if (matches.empty()) {
        const bool itself = self.path == suffix || self.path.endsWith(QLatin1Char('/') + suffix);
        if (error) {
            *error = itself ? tr("\"%1\" is this tag itself").arg(name)
                            : tr("no tag named \"%1\"").arg(name);
        }
        return kInvalidTag;
    }
    // The closest: most path segments in common with the derived tag.
    int best = -1;
    std::vector<TagId> closest;
    for (TagId id : matches) {
        const int n = commonSegments(model.tags[id].path, self.path);
        if (n > best) {
            best = n;
            closest.clear();
        }
        if (n == best)
            closest.push_back(id);
    }
    if (closest.size() > 1) {
        if (error) {
            QStringList paths;
            for (std::size_t i = 0; i < closest.size() && i < 3; ++i)
                paths << model.tags[closest[i]].path;
            *error = tr("\"%1\" is ambiguous (%2); write more of the path, with dots")
                         .arg(name, paths.join(QStringLiteral(", ")));
        }
        return kInvalidTag;
    }
    return closest.front();
}

std::vector<DerivedTagProblem> checkDerivedTags(const PlantModel &model)
{
    return compileAll(model).problems;
}

struct DerivedTagEngine::Compiled
{
    TagId tag = kInvalidTag;
    std::vector<TagId> inputs;
    mu::Parser parser;
    bool warned = false; // an evaluation error is logged once
};

DerivedTagEngine::DerivedTagEngine(const PlantModel &model)
    : m_affected(model.tags.size()),
      m_values(model.tags.size(), 0.0),
      m_quality(model.tags.size(), Quality::BadNotConnected),
      m_hasValue(model.tags.size(), 0)
{
    const Compilation c = compileAll(model);
    for (const DerivedTagProblem &p : c.problems)
        qCWarning(lcDerived).noquote() << p.text;
    std::vector<int> indexOf(model.tags.size(), -1);
    for (TagId t : c.order) {
        auto compiled = std::make_unique<Compiled>();
        compiled->tag = t;
        // Compiled again, now bound to the engine's values (muParser keeps the pointers).
        if (compile(model, model.tags[t], m_values.data(), compiled->parser, &compiled->inputs))
            continue; // cannot happen: it compiled above
        indexOf[t] = int(m_compiled.size());
        m_compiled.push_back(std::move(compiled));
    }
    // Per tag, every compiled expression that depends on it (transitively), in order.
    for (TagId t = 0; t < TagId(model.tags.size()); ++t) {
        std::vector<char> hit(model.tags.size(), 0);
        hit[t] = 1;
        for (std::size_t i = 0; i < m_compiled.size(); ++i) {
            const Compiled &d = *m_compiled[i];
            const bool reads = std::any_of(d.inputs.begin(), d.inputs.end(),
                                           [&hit](TagId in) { return hit[in] != 0; });
            if (reads) {
                hit[d.tag] = 1;
                m_affected[t].push_back(int(i));
            }
        }
    }
    if (!m_compiled.empty())
        qCInfo(lcDerived) << m_compiled.size() << "derived tag(s) computed on ingest";
}

DerivedTagEngine::~DerivedTagEngine() = default;

bool DerivedTagEngine::empty() const
{
    return m_compiled.empty();
}

std::vector<TagId> DerivedTagEngine::derivedTags() const
{
    std::vector<TagId> out;
    for (const auto &c : m_compiled)
        out.push_back(c->tag);
    return out;
}

std::vector<TagId> DerivedTagEngine::inputsOf(TagId derived) const
{
    for (const auto &c : m_compiled) {
        if (c->tag == derived)
            return c->inputs;
    }
    return {};
}

SampleBatch DerivedTagEngine::compute(const SampleBatch &batch)
{
    SampleBatch out;
    if (m_compiled.empty())
        return out;
    std::lock_guard lock(m_mutex);
    for (const Sample &s : batch) {
        if (s.tag >= m_values.size() || m_affected[s.tag].empty())
            continue;
        m_values[s.tag] = s.value;
        m_quality[s.tag] = s.q;
        m_hasValue[s.tag] = 1;
        for (int index : m_affected[s.tag]) {
            Compiled &d = *m_compiled[std::size_t(index)];
            Quality worst = Quality::Good;
            bool ready = true;
            for (TagId in : d.inputs) {
                if (!m_hasValue[in]) {
                    ready = false;
                    break;
                }
                const Quality q = m_quality[in];
                if (severity(q) > severity(worst))
                    worst = q;
            }
            if (!ready)
                continue;
            double v = std::numeric_limits<double>::quiet_NaN();
            try {
                v = d.parser.Eval();
            } catch (const mu::Parser::exception_type &e) {
                if (!d.warned) {
                    qCWarning(lcDerived).noquote()
                        << tr("derived tag %1: %2").arg(QString::number(d.tag),
                                                        QString::fromStdString(e.GetMsg()));
                    d.warned = true;
                }
            }
            if (!std::isfinite(v)) {
                v = std::numeric_limits<double>::quiet_NaN();
                if (!isBad(worst))
                    worst = Quality::Bad; // division by zero, log of a negative, ...
            }
            m_values[d.tag] = v;
            m_quality[d.tag] = worst;
            m_hasValue[d.tag] = 1;
            out.push_back({d.tag, s.t_ms, v, worst});
        }
    }
    return out;
}

} // namespace andon
