// A muParser formula over tags that is not part of the configuration: the Trends page's
// derived pens ("Add derived pen…"). Names resolve like `expression:` tags
// (resolveDerivedName: a tag path with '.' for '/', or any unique tail of it such as
// "press2.power"); compile() reports problems in words with the character position.
// Plain value owned by whoever evaluates it (the Trends page); not thread-safe.
#pragma once

#include "core/plant_model.h"

#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace mu {
class Parser;
}

namespace andon {

class DerivedFormula
{
public:
    DerivedFormula();
    ~DerivedFormula();
    DerivedFormula(const DerivedFormula &) = delete;
    DerivedFormula &operator=(const DerivedFormula &) = delete;

    // Parses `expression` against the model's tags. `contextPath` is where names are resolved
    // from (the closest tag wins, as for a derived tag at that path; "" = anywhere, then a
    // name must be unique). False + *error ("no tag named \"x\" at character 3") on a problem;
    // *position is the 0-based character (-1 = the whole expression).
    bool compile(const PlantModel &model, const QString &expression,
                 const QString &contextPath = QString(), QString *error = nullptr,
                 int *position = nullptr);
    bool isValid() const { return m_valid; }
    QString expression() const { return m_expression; }

    // The tags the formula reads, in order of first appearance.
    const std::vector<TagId> &inputs() const { return m_inputs; }
    // Evaluates with values[i] for inputs()[i]; NaN when the result is not finite
    // (division by zero, log of a negative) or the formula is not valid.
    double evaluate(const std::vector<double> &values) const;

    // The shortest dotted tail of `tag`'s path that resolves to exactly that tag from
    // `contextPath` (what the pen dialog inserts for a tag picked from the tree).
    static QString shortName(const PlantModel &model, TagId tag,
                             const QString &contextPath = QString());

private:
    std::unique_ptr<mu::Parser> m_parser;
    mutable std::deque<double> m_slots; // one per input; muParser keeps pointers (deque: stable)
    std::vector<TagId> m_inputs;
    QString m_expression;
    bool m_valid = false;
};

} // namespace andon
