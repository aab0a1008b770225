package com.siyu.mall.member.level;

import com.siyu.mall.common.error.MallException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The tier table and its maths: which tier a growth value reaches and how far the next one is. */
final class Tiers {

    static final String BASE = "V0";

    private final List<Tier> ordered;

    /** {@code tiers} must be valid (see {@link #validate}). */
    Tiers(List<Tier> tiers) {
        this.ordered = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
    }

    List<Tier> all() {
        return ordered;
    }

    /** The highest tier whose threshold the growth value has reached. */
    Tier tierFor(long growth) {
        Tier reached = ordered.get(0);
        for (Tier tier : ordered) {
            if (growth >= tier.growthThreshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    Optional<Tier> next(Tier tier) {
        return ordered.stream().filter(t -> t.rank() > tier.rank()).findFirst();
    }

    /** Percent of the way from the current tier's threshold to the next one's, rounded down; 100 at the top. */
    int progressPercent(long growth) {
        Tier current = tierFor(growth);
        return next(current).map(next -> (int) ((growth - current.growthThreshold()) * 100
                / (next.growthThreshold() - current.growthThreshold()))).orElse(100);
    }

    /** The rules an admin edit must keep: V0 at 0 exists, and thresholds strictly increase with the tier number. */
    static Tiers validate(List<Tier> tiers) {
        Tier base = tiers.stream().filter(t -> t.code().equals(BASE)).findFirst()
                .orElseThrow(() -> MallException.conflict("LEVEL_BASE_PROTECTED", "V0 must exist"));
        if (base.growthThreshold() != 0) {
            throw MallException.conflict("LEVEL_BASE_PROTECTED", "V0 must start at growth 0");
        }
        Tiers result = new Tiers(tiers);
        for (int i = 1; i < result.ordered.size(); i++) {
            Tier lower = result.ordered.get(i - 1);
            Tier higher = result.ordered.get(i);
            if (higher.growthThreshold() <= lower.growthThreshold()) {
                throw MallException.conflict("LEVEL_THRESHOLDS_NOT_INCREASING", higher.code() + " needs more growth ("
                        + higher.growthThreshold() + ") than " + lower.code() + " (" + lower.growthThreshold() + ")");
            }
        }
        return result;
    }
}
