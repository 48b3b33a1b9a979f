// Internal to core: what `expression:` tags (derived_tags.cpp) and the Trends page's derived
// pens (derived_formula.cpp) share when muParser parses a formula over tag names — the name
// characters (tag paths with '.' for '/'), resolving names with resolveDerivedName, and muParser's
// errors turned into words with a character position.
#pragma once

#include "core/plant_model.h"

#include <QString>

#include <optional>

namespace mu {
class Parser;
}

namespace andon::derived {

// What a variable factory needs to resolve names while muParser parses; the first name that
// does not resolve is remembered (and bound to `dummy` so that parsing goes on).
struct NameResolver
{
    const PlantModel *model = nullptr;
    const TagDef *self = nullptr; // names resolve from this tag outwards (only its path matters)
    QString error; // first unresolved name, in words ...
    QString errorName; // ... and the name itself (to find its position)
    double dummy = 0;

    // The tag `name` refers to, or kInvalidTag (remembered when it is the first failure).
    TagId resolve(const char *name);
};

struct ParseProblem
{
    QString what;
    int position = -1; // 0-based character in the expression (-1 = the whole expression)
};

using VariableFactory = double *(*)(const char *name, void *user);

// Parses `expression` into `parser`, binding each name with `factory`, whose user data is
// `&names` (the factory's own state derives from NameResolver). Evaluates once to force the
// parse. A muParser error ("unexpected end of expression", position clamped to the last
// character) or the first name that did not resolve comes back as a problem.
std::optional<ParseProblem> parse(
    mu::Parser &parser, const QString &expression, VariableFactory factory, NameResolver &names);

} // namespace andon::derived
