package com.siyu.mall.member.privacy;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.lifecycle.Lifecycles;
import com.siyu.mall.member.reach.Consents;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PIPL right of access: everything member-service holds about one member, in one JSON document, with the encrypted
 * fields decrypted for their owner. Secrets that are not the member's data (hashes of refresh tokens and SMS codes)
 * are left out. Read in one read-only transaction, so the sections agree with each other.
 */
@Service
class DataExport {

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final Levels levels;
    private final Lifecycles lifecycles;
    private final Consents consents;
    private final Clock clock;

    DataExport(JdbcTemplate jdbc, PiiCipher pii, Levels levels, Lifecycles lifecycles, Consents consents, Clock clock) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.levels = levels;
        this.lifecycles = lifecycles;
        this.consents = consents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> of(long memberId) {
        List<Map<String, Object>> profile = rows("SELECT id AS member_id, phone_cipher, nickname, avatar_url, gender, "
                + "birthday, invite_code, inviter_id, created_at, updated_at FROM member WHERE id = ? "
                + "AND deleted_at IS NULL", memberId);
        if (profile.isEmpty()) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        Map<String, Object> me = profile.get(0);
        me.put("phone", pii.decrypt((String) me.remove("phoneCipher")));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("exportedAt", clock.instant());
        doc.put("profile", me);
        doc.put("level", Map.of("code", levels.levelCodeOf(memberId), "growth", growth(memberId)));
        doc.put("lifecycle", lifecycles.stageOf(memberId).name());
        doc.put("addresses", addresses(memberId));
        doc.put("pointsLedger", rows("SELECT id, bucket, kind, delta, ref_id, expires_at, reason, actor, created_at "
                + "FROM points_ledger WHERE member_id = ? ORDER BY id", memberId));
        doc.put("pointsReservations", rows("SELECT order_id, points, status, created_at, updated_at "
                + "FROM points_reservation WHERE member_id = ? ORDER BY created_at", memberId));
        doc.put("growthRecords", rows("SELECT order_id, kind, delta, created_at FROM growth_record WHERE member_id = ? "
                + "ORDER BY id", memberId));
        doc.put("signIns", rows("SELECT sign_date, streak_day, points FROM sign_in WHERE member_id = ? "
                + "ORDER BY sign_date", memberId));
        doc.put("paidOrders", rows("SELECT order_id, payable_fen, paid_at FROM paid_order WHERE member_id = ? "
                + "ORDER BY paid_at", memberId));
        doc.put("consents", consents.list(memberId));
        doc.put("consentRecords", rows("SELECT channel, granted, created_at FROM consent_record WHERE member_id = ? "
                + "ORDER BY id", memberId));
        doc.put("tags", rows("SELECT tag, source, created_at FROM member_tag WHERE member_id = ? ORDER BY tag", memberId));
        doc.put("rfm", row("SELECT recency_score, frequency_score, monetary_score, rfm, computed_at "
                + "FROM member_rfm WHERE member_id = ?", memberId));
        doc.put("reachLog", rows("SELECT id, channel, campaign_id, reach_date, granted_at FROM reach_log "
                + "WHERE member_id = ? ORDER BY granted_at", memberId));
        doc.put("birthdayGrants", rows("SELECT grant_year, points, level, created_at FROM birthday_grant "
                + "WHERE member_id = ? ORDER BY grant_year", memberId));
        doc.put("sessions", rows("SELECT family_id, created_at, expires_at, used_at, revoked_at FROM refresh_token "
                + "WHERE member_id = ? ORDER BY id", memberId));
        doc.put("deletionRequest", row("SELECT status, requested_at, due_at, cancelled_at FROM "
                + "member_deletion WHERE member_id = ?", memberId));
        doc.put("wallet", row("SELECT principal_fen, bonus_fen, created_at, updated_at FROM "
                + "wallet_account WHERE member_id = ?", memberId));
        doc.put("walletLedger", rows("SELECT id, kind, ref_id, principal_delta, bonus_delta, balance_after, created_at "
                + "FROM wallet_ledger WHERE member_id = ? ORDER BY id", memberId));
        doc.put("walletRecharges", rows("SELECT id, plan_id, principal_fen, bonus_fen, channel, payment_no, status, "
                + "created_at, credited_at FROM wallet_recharge WHERE member_id = ? ORDER BY id", memberId));
        doc.put("walletDebits", rows("SELECT order_id, amount_fen, principal_fen, bonus_fen, refunded_fen, created_at "
                + "FROM wallet_debit WHERE member_id = ? AND amount_fen > 0 ORDER BY created_at", memberId));
        doc.put("walletRefunds", rows("SELECT refund_id, order_id, amount_fen, principal_fen, bonus_fen, created_at "
                + "FROM wallet_refund WHERE member_id = ? ORDER BY created_at", memberId));
        doc.put("memberCard", row("SELECT plan_code, plan_name, status, started_at, expires_at FROM "
                + "member_card WHERE member_id = ?", memberId));
        doc.put("cardPurchases", rows("SELECT id, plan_id, price_fen, channel, payment_no, status, expires_at, "
                + "created_at, activated_at FROM card_purchase WHERE member_id = ? ORDER BY id", memberId));
        return doc;
    }

    private long growth(long memberId) {
        List<Long> growth = jdbc.queryForList("SELECT growth FROM member_growth WHERE member_id = ?", Long.class,
                memberId);
        return growth.isEmpty() ? 0 : growth.get(0);
    }

    private List<Map<String, Object>> addresses(long memberId) {
        List<Map<String, Object>> addresses = rows("SELECT id, receiver_name_cipher, phone_cipher, province, city, "
                + "district, detail_cipher, is_default, created_at, updated_at FROM member_address WHERE member_id = ? "
                + "ORDER BY id", memberId);
        for (Map<String, Object> address : addresses) {
            address.put("receiverName", pii.decrypt((String) address.remove("receiverNameCipher")));
            address.put("phone", pii.decrypt((String) address.remove("phoneCipher")));
            address.put("detail", pii.decrypt((String) address.remove("detailCipher")));
        }
        return addresses;
    }

    /** Rows as camelCase maps: times as instants, dates as dates, ids as strings (JSON clients lose precision). */
    /** The one row a per-member table holds, or null. */
    private Map<String, Object> row(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.query(sql, (rs, n) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                Object value = rs.getObject(i);
                if (value instanceof Timestamp t) {
                    value = t.toInstant();
                } else if (value instanceof Date d) {
                    value = d.toLocalDate();
                } else if (value instanceof Number number && (column.equals("id") || column.endsWith("_id"))) {
                    value = String.valueOf(number.longValue());
                }
                row.put(camel(column), value);
            }
            return row;
        }, args);
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
