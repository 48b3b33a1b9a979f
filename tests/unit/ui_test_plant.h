// A small hand-built plant model for the model tests: one line with two machines, so the
// tests do not depend on the YAML loader. Test-only.
#pragma once

#include "core/plant_model.h"

#include <memory>

namespace andon::test {

// Machine 0 "press": state, good_count, reject_count, rate (parts/min), motor_temp (°C).
// Machine 1 "oven": state, good_count, power (kW) and no rate tag.
// Site time zone Europe/Berlin.
inline std::shared_ptr<PlantModel> makeTilePlant()
{
    auto plant = std::make_shared<PlantModel>();
    plant->title = QStringLiteral("Test plant");
    Site site;
    site.name = QStringLiteral("site");
    site.timeZone = QStringLiteral("Europe/Berlin");
    site.areas = {0};
    plant->sites.push_back(site);
    Area area;
    area.name = QStringLiteral("area");
    area.site = 0;
    area.lines = {0};
    plant->areas.push_back(area);
    Line line;
    line.name = QStringLiteral("line1");
    line.description = QStringLiteral("Line one");
    line.area = 0;
    line.machines = {0, 1};
    plant->lines.push_back(line);

    const std::vector<StateDef> states = {
        {1, QStringLiteral("Running"), StateCategory::Running},
        {2, QStringLiteral("Idle"), StateCategory::Idle},
        {6, QStringLiteral("Planned break"), StateCategory::PlannedStop},
        {10, QStringLiteral("Jam at infeed"), StateCategory::Down},
    };
    auto addTag = [&](int machine, const QString &name, TagKind kind, TagRole role,
                      const QString &unit, int decimals) {
        TagDef t;
        t.id = static_cast<TagId>(plant->tags.size());
        t.name = name;
        t.path = plant->machines[static_cast<std::size_t>(machine)].path % u'/' % name;
        t.description = QStringLiteral("desc of ") % name;
        t.kind = kind;
        t.role = role;
        t.unit = unit;
        t.decimals = decimals;
        t.machine = machine;
        plant->tags.push_back(t);
        Machine &m = plant->machines[static_cast<std::size_t>(machine)];
        m.tags.push_back(t.id);
        if (role != TagRole::None)
            m.roleTags[static_cast<int>(role)] = t.id;
        plant->tagIndex.insert(t.path, t.id);
    };
    for (const char *name : {"press", "oven"}) {
        Machine m;
        m.name = QString::fromLatin1(name);
        m.path = QStringLiteral("acme/site/area/line1/") % m.name;
        m.description = QStringLiteral("The ") % m.name;
        m.line = 0;
        m.states = states;
        m.idealRatePerMin = 60;
        plant->machines.push_back(m);
    }
    const QString parts = QStringLiteral("parts");
    addTag(0, QStringLiteral("state"), TagKind::State, TagRole::State, QString(), 0);
    addTag(0, QStringLiteral("good_count"), TagKind::Counter, TagRole::GoodCount, parts, 0);
    addTag(0, QStringLiteral("reject_count"), TagKind::Counter, TagRole::RejectCount, parts, 0);
    addTag(0, QStringLiteral("rate"), TagKind::Analog, TagRole::Rate, QStringLiteral("parts/min"), 1);
    addTag(0, QStringLiteral("motor_temp"), TagKind::Analog, TagRole::None, QStringLiteral("°C"), 1);
    addTag(1, QStringLiteral("state"), TagKind::State, TagRole::State, QString(), 0);
    addTag(1, QStringLiteral("good_count"), TagKind::Counter, TagRole::GoodCount, parts, 0);
    addTag(1, QStringLiteral("power"), TagKind::Analog, TagRole::None, QStringLiteral("kW"), 2);
    return plant;
}

} // namespace andon::test
