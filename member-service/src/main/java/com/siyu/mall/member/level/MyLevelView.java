package com.siyu.mall.member.level;

/** {@code GET /members/me/level}: the tier reached, the growth value, and the way to the next tier (null at the top). */
record MyLevelView(String level, String name, long growth, LevelView.Benefits benefits, NextLevel next,
        int progressPercent) {

    record NextLevel(String level, String name, long growthThreshold, long growthNeeded) {
    }

    static MyLevelView of(Tiers tiers, long growth) {
        Tier current = tiers.tierFor(growth);
        NextLevel next = tiers.next(current).map(t -> new NextLevel(t.code(), t.name(), t.growthThreshold(),
                t.growthThreshold() - growth)).orElse(null);
        return new MyLevelView(current.code(), current.name(), growth, LevelView.from(current).benefits(), next,
                tiers.progressPercent(growth));
    }
}
