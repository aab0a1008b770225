package com.siyu.mall.member.card;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Paid member card plans (MONTHLY ¥19 for 30 days, …) and their benefits; operators edit them. */
@Service
class CardPlans {

    record PlanRequest(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$", message = "must be 2–32 capitals, digits or _") String code,
            @NotBlank @Size(max = 32) String name,
            @NotNull @Min(1) @Max(10_000_000) Long priceFen,
            @NotNull @Min(1) @Max(3660) Integer durationDays,
            @NotNull @Min(0) @Max(50) Integer discountPercent,
            @NotNull @DecimalMin("1.00") @DecimalMax("10.00") @Digits(integer = 2, fraction = 2) BigDecimal pointsMultiplier,
            @NotNull Boolean freeShipping,
            @NotNull @Min(0) @Max(31) Integer monthlyCoupons,
            @NotNull Boolean enabled) {
    }

    record Plan(String id, String code, String name, long priceFen, int durationDays, int discountPercent,
            BigDecimal pointsMultiplier, boolean freeShipping, int monthlyCoupons, boolean enabled) {
    }

    private static final RowMapper<Plan> PLAN = (rs, n) -> new Plan(String.valueOf(rs.getLong("id")), rs.getString("code"),
            rs.getString("name"), rs.getLong("price_fen"), rs.getInt("duration_days"), rs.getInt("discount_percent"),
            rs.getBigDecimal("points_multiplier"), rs.getBoolean("free_shipping"), rs.getInt("monthly_coupons"),
            rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CardPlans(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Plan> list(boolean enabledOnly) {
        return jdbc.query("SELECT * FROM card_plan" + (enabledOnly ? " WHERE enabled" : "") + " ORDER BY price_fen, id",
                PLAN);
    }

    Plan get(long id) {
        List<Plan> found = jdbc.query("SELECT * FROM card_plan WHERE id = ?", PLAN, id);
        if (found.isEmpty()) {
            throw MallException.notFound("CARD_PLAN_NOT_FOUND", "no card plan " + id);
        }
        return found.get(0);
    }

    Plan create(PlanRequest r) {
        long id = IdWorker.getId();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO card_plan (id, code, name, price_fen, duration_days, discount_percent, "
                    + "points_multiplier, free_shipping, monthly_coupons, enabled, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.code(), r.name().trim(), r.priceFen(),
                    r.durationDays(), r.discountPercent(), r.pointsMultiplier(), r.freeShipping(), r.monthlyCoupons(),
                    r.enabled(), now, now);
        } catch (DuplicateKeyException e) {
            throw MallException.conflict("CARD_PLAN_EXISTS", "a card plan " + r.code() + " exists");
        }
        return get(id);
    }

    /** Cards already bought keep the benefits they were bought with; an edit applies to later purchases. */
    Plan update(long id, PlanRequest r) {
        int updated;
        try {
            updated = jdbc.update("UPDATE card_plan SET code = ?, name = ?, price_fen = ?, duration_days = ?, "
                    + "discount_percent = ?, points_multiplier = ?, free_shipping = ?, monthly_coupons = ?, enabled = ?, "
                    + "updated_at = ? WHERE id = ?", r.code(), r.name().trim(), r.priceFen(), r.durationDays(),
                    r.discountPercent(), r.pointsMultiplier(), r.freeShipping(), r.monthlyCoupons(), r.enabled(),
                    Timestamp.from(clock.instant()), id);
        } catch (DuplicateKeyException e) {
            throw MallException.conflict("CARD_PLAN_EXISTS", "a card plan " + r.code() + " exists");
        }
        if (updated == 0) {
            throw MallException.notFound("CARD_PLAN_NOT_FOUND", "no card plan " + id);
        }
        return get(id);
    }

    /** A plan somebody bought can only be disabled (its purchases refer to it). */
    void delete(long id) {
        get(id);
        Integer purchases = jdbc.queryForObject("SELECT COUNT(*) FROM card_purchase WHERE plan_id = ?", Integer.class, id);
        if (purchases != null && purchases > 0) {
            throw MallException.conflict("CARD_PLAN_IN_USE", "card plan " + id + " was bought; disable it instead");
        }
        jdbc.update("DELETE FROM card_plan WHERE id = ?", id);
    }
}
