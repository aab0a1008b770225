package com.siyu.mall.member.level;

import com.siyu.mall.common.error.MallException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin edits of the tier table. Each edit locks the whole (small) table, checks that the result is still a valid
 * tier table ({@link Tiers#validate}) and only then writes, so an invalid edit changes nothing.
 */
@Service
class LevelAdmin {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LevelAdmin(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<LevelView> list() {
        return new Tiers(jdbc.query("SELECT * FROM member_level", Levels.TIER)).all().stream().map(LevelView::from).toList();
    }

    @Transactional
    LevelView create(LevelRequest request) {
        if (request.code() == null) {
            throw MallException.badRequest("LEVEL_CODE_REQUIRED", "code is required, e.g. V5");
        }
        List<Tier> tiers = lockedTiers();
        if (tiers.stream().anyMatch(t -> t.code().equals(request.code()))) {
            throw MallException.conflict("LEVEL_EXISTS", "level " + request.code() + " exists");
        }
        Tier tier = request.toTier(request.code());
        tiers.add(tier);
        Tiers.validate(tiers);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO member_level (code, name, growth_threshold, discount_percent, points_multiplier, "
                + "free_shipping, birthday_coupon_template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tier.code(), tier.name(), tier.growthThreshold(), tier.discountPercent(), tier.pointsMultiplier(),
                tier.freeShipping(), tier.birthdayCouponTemplateId(), now, now);
        return LevelView.from(tier);
    }

    @Transactional
    LevelView update(String code, LevelRequest request) {
        List<Tier> tiers = lockedTiers();
        if (!tiers.removeIf(t -> t.code().equals(code))) {
            throw notFound(code);
        }
        Tier tier = request.toTier(code);
        tiers.add(tier);
        Tiers.validate(tiers);
        jdbc.update("UPDATE member_level SET name = ?, growth_threshold = ?, discount_percent = ?, points_multiplier = ?, "
                + "free_shipping = ?, birthday_coupon_template_id = ?, updated_at = ? WHERE code = ?", tier.name(),
                tier.growthThreshold(), tier.discountPercent(), tier.pointsMultiplier(), tier.freeShipping(),
                tier.birthdayCouponTemplateId(), Timestamp.from(clock.instant()), code);
        return LevelView.from(tier);
    }

    @Transactional
    void delete(String code) {
        if (code.equals(Tiers.BASE)) {
            throw MallException.conflict("LEVEL_BASE_PROTECTED", "V0 is where every member starts; it cannot be deleted");
        }
        List<Tier> tiers = lockedTiers();
        if (!tiers.removeIf(t -> t.code().equals(code))) {
            throw notFound(code);
        }
        jdbc.update("DELETE FROM member_level WHERE code = ?", code);
    }

    private List<Tier> lockedTiers() {
        return new ArrayList<>(jdbc.query("SELECT * FROM member_level FOR UPDATE", Levels.TIER));
    }

    private static MallException notFound(String code) {
        return MallException.notFound("LEVEL_NOT_FOUND", "no level " + code);
    }
}
