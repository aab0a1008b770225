package com.siyu.mall.member.segment;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.lifecycle.Stage;
import com.siyu.mall.member.member.Phones;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Operators' member search and segment counts. A phone is found through its keyed hash (the same one login uses),
 * never by decrypting the table; only the page of results is decrypted, to be shown masked. Deleted members are left
 * out.
 */
@Service
class MemberSearch {

    private static final Pattern RFM = Pattern.compile("^[1-5xX]{3}$");

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final Tags tags;

    MemberSearch(JdbcTemplate jdbc, PiiCipher pii, Tags tags) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.tags = tags;
    }

    record Criteria(String lifecycle, String tag, String rfm, String phone, String cursor, int limit) {
    }

    record MemberSummary(String memberId, String phone, String nickname, String lifecycle, String rfm,
            List<String> tags, Instant createdAt) {
    }

    record Page(List<MemberSummary> items, String nextCursor) {
    }

    record Summary(long members, Map<String, Long> lifecycle, List<TagCount> tags) {
    }

    record TagCount(String tag, String source, long members) {
    }

    /** Newest members first; the cursor is the last member id of the previous page. */
    Page search(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT m.id, m.phone_cipher, m.nickname, m.created_at, "
                + "COALESCE(l.stage, 'NEW') AS stage, r.rfm FROM member m "
                + "LEFT JOIN member_lifecycle l ON l.member_id = m.id LEFT JOIN member_rfm r ON r.member_id = m.id "
                + "WHERE m.deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (c.cursor() != null && !c.cursor().isBlank()) {
            sql.append(" AND m.id < ?");
            args.add(cursor(c.cursor()));
        }
        if (c.lifecycle() != null && !c.lifecycle().isBlank()) {
            sql.append(" AND COALESCE(l.stage, 'NEW') = ?");
            args.add(stage(c.lifecycle()).name());
        }
        if (c.tag() != null && !c.tag().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM member_tag t WHERE t.member_id = m.id AND t.tag = ?)");
            args.add(c.tag().trim());
        }
        if (c.rfm() != null && !c.rfm().isBlank()) {
            rfm(c.rfm(), sql, args);
        }
        if (c.phone() != null && !c.phone().isBlank()) {
            if (!Phones.isValid(c.phone().trim())) {
                throw MallException.badRequest("PHONE_INVALID", "phone must be a mainland mobile number");
            }
            sql.append(" AND m.phone_hash = ?");
            args.add(pii.hash(c.phone().trim()));
        }
        sql.append(" ORDER BY m.id DESC LIMIT ").append(c.limit() + 1);
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> new Row(rs.getLong("id"), rs.getString("phone_cipher"),
                rs.getString("nickname"), rs.getTimestamp("created_at").toInstant(), rs.getString("stage"),
                rs.getString("rfm")), args.toArray());
        boolean more = rows.size() > c.limit();
        List<Row> page = more ? rows.subList(0, c.limit()) : rows;
        Map<Long, List<String>> tagNames = tags.namesOf(page.stream().map(Row::id).toList());
        List<MemberSummary> items = page.stream().map(r -> new MemberSummary(String.valueOf(r.id()),
                Phones.mask(pii.decrypt(r.phoneCipher())), r.nickname(), r.stage(), r.rfm(),
                tagNames.getOrDefault(r.id(), List.of()), r.createdAt())).toList();
        return new Page(items, more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    Summary summary() {
        Map<String, Long> stages = new LinkedHashMap<>();
        Arrays.stream(Stage.values()).forEach(s -> stages.put(s.name(), 0L));
        jdbc.query("SELECT COALESCE(l.stage, 'NEW') AS stage, COUNT(*) AS n FROM member m "
                + "LEFT JOIN member_lifecycle l ON l.member_id = m.id WHERE m.deleted_at IS NULL "
                + "GROUP BY COALESCE(l.stage, 'NEW')", rs -> {
                    stages.put(rs.getString("stage"), rs.getLong("n"));
                });
        List<TagCount> tagCounts = jdbc.query("SELECT t.tag, t.source, COUNT(*) AS n FROM member_tag t "
                + "JOIN member m ON m.id = t.member_id WHERE m.deleted_at IS NULL GROUP BY t.tag, t.source "
                + "ORDER BY n DESC, t.tag", (rs, n) -> new TagCount(rs.getString("tag"), rs.getString("source"),
                        rs.getLong("n")));
        long total = stages.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(total, stages, tagCounts);
    }

    private record Row(long id, String phoneCipher, String nickname, Instant createdAt, String stage, String rfm) {
    }

    private static long cursor(String cursor) {
        try {
            return Long.parseLong(cursor.trim());
        } catch (NumberFormatException e) {
            throw MallException.badRequest("CURSOR_INVALID", "cursor must be a value returned as nextCursor");
        }
    }

    private static Stage stage(String name) {
        try {
            return Stage.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw MallException.badRequest("LIFECYCLE_INVALID",
                    "lifecycle must be one of " + Arrays.toString(Stage.values()));
        }
    }

    /** {@code rfm=5x3}: three positions R, F, M, each a score 1–5 or {@code x} for any. */
    private static void rfm(String pattern, StringBuilder sql, List<Object> args) {
        if (!RFM.matcher(pattern.trim()).matches()) {
            throw MallException.badRequest("RFM_INVALID", "rfm is three scores 1-5 (R, F, M), x for any, e.g. 5x3");
        }
        String[] columns = {"r.recency_score", "r.frequency_score", "r.monetary_score"};
        for (int i = 0; i < 3; i++) {
            char score = pattern.trim().charAt(i);
            if (score != 'x' && score != 'X') {
                sql.append(" AND ").append(columns[i]).append(" = ?");
                args.add(score - '0');
            }
        }
    }
}
