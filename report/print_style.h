// The house style of Andon's printed documents (shift report, work list): A4 in PostScript
// points and the print palette after HMI-STYLE.md (light theme): black/grey for everything
// normal, amber only for what needs attention.
#pragma once

#include <QColor>

namespace andon::report::print {

constexpr qreal kA4ShortPt = 595.28; // 210 mm
constexpr qreal kA4LongPt = 841.89;  // 297 mm
constexpr qreal kMarginX = 36;
constexpr int kPdfDpi = 600;

inline const QColor kText{0x1F, 0x1F, 0x1F};
inline const QColor kSecondary{0x6B, 0x6B, 0x6B};
inline const QColor kPanel{0xF2, 0xF2, 0xF2};
inline const QColor kRule{0xB0, 0xB0, 0xB0};

} // namespace andon::report::print
