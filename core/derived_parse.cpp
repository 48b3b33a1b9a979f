#include "core/derived_parse.h"

#include "core/derived_tags.h"

#include <QRegularExpression>

#include <muParser.h>

namespace andon::derived {

namespace {

// muParser's default name characters plus '.', the separator of tag paths in expressions.
constexpr const char *kNameChars
    = "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.";

int namePosition(const QString &expression, const QString &name)
{
    const QRegularExpression re(QStringLiteral("(?<![A-Za-z0-9_.])%1(?![A-Za-z0-9_.])")
                                    .arg(QRegularExpression::escape(name)));
    const QRegularExpressionMatch m = re.match(expression);
    return m.hasMatch() ? int(m.capturedStart()) : -1;
}

} // namespace

TagId NameResolver::resolve(const char *name)
{
    const QString n = QString::fromUtf8(name);
    QString why;
    const TagId id = resolveDerivedName(*model, *self, n, &why);
    if (id == kInvalidTag && error.isEmpty()) {
        error = why;
        errorName = n;
    }
    return id;
}

std::optional<ParseProblem> parse(
    mu::Parser &parser, const QString &expression, VariableFactory factory, NameResolver &names)
{
    try {
        parser.DefineNameChars(kNameChars);
        parser.SetVarFactory(factory, &names);
        parser.SetExpr(expression.toStdString());
        parser.Eval();
        parser.SetVarFactory(nullptr, nullptr); // `names` may end now; names are bound
    } catch (const mu::Parser::exception_type &e) {
        // muParser says "... found at position N" (from 0); we say "at character N+1".
        static const QRegularExpression where(QStringLiteral("( found)? at position \\d+\\.?$"));
        QString what = QString::fromStdString(e.GetMsg()).remove(where);
        if (!what.isEmpty())
            what[0] = what[0].toLower();
        int pos = e.GetPos();
        if (pos > expression.size() - 1)
            pos = int(expression.size()) - 1; // "unexpected end": the last character
        return ParseProblem { what, pos };
    }
    if (!names.error.isEmpty())
        return ParseProblem { names.error, namePosition(expression, names.errorName) };
    return std::nullopt;
}

} // namespace andon::derived
