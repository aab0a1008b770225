package com.siyu.mall.member.wallet;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** Recharge plans (pay ¥500, get ¥50 on top). Members see the enabled ones; operators edit them. */
@Service
class RechargePlans {

    record PlanRequest(@NotBlank @Size(max = 32) String name, @NotNull @Min(1) @Max(Recharges.MAX_FEN) Long payFen,
            @NotNull @Min(0) @Max(Recharges.MAX_FEN) Long bonusFen, @NotNull Boolean enabled) {
    }

    record Plan(String id, String name, long payFen, long bonusFen, boolean enabled) {
    }

    private static final RowMapper<Plan> PLAN = (rs, n) -> new Plan(String.valueOf(rs.getLong("id")),
            rs.getString("name"), rs.getLong("pay_fen"), rs.getLong("bonus_fen"), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RechargePlans(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Plan> list(boolean enabledOnly) {
        return jdbc.query("SELECT * FROM recharge_plan" + (enabledOnly ? " WHERE enabled" : "") + " ORDER BY pay_fen, id",
                PLAN);
    }

    Plan get(long id) {
        List<Plan> found = jdbc.query("SELECT * FROM recharge_plan WHERE id = ?", PLAN, id);
        if (found.isEmpty()) {
            throw MallException.notFound("RECHARGE_PLAN_NOT_FOUND", "no recharge plan " + id);
        }
        return found.get(0);
    }

    Plan create(PlanRequest r) {
        long id = IdWorker.getId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO recharge_plan (id, name, pay_fen, bonus_fen, enabled, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, r.name().trim(), r.payFen(), r.bonusFen(), r.enabled(), now, now);
        return get(id);
    }

    Plan update(long id, PlanRequest r) {
        int updated = jdbc.update("UPDATE recharge_plan SET name = ?, pay_fen = ?, bonus_fen = ?, enabled = ?, "
                + "updated_at = ? WHERE id = ?", r.name().trim(), r.payFen(), r.bonusFen(), r.enabled(),
                Timestamp.from(clock.instant()), id);
        if (updated == 0) {
            throw MallException.notFound("RECHARGE_PLAN_NOT_FOUND", "no recharge plan " + id);
        }
        return get(id);
    }

    /** Recharges keep their own copy of the amounts, so deleting a plan changes no recharge. */
    void delete(long id) {
        if (jdbc.update("DELETE FROM recharge_plan WHERE id = ?", id) == 0) {
            throw MallException.notFound("RECHARGE_PLAN_NOT_FOUND", "no recharge plan " + id);
        }
    }
}
