package com.siyu.mall.member.segment;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member tags. MANUAL tags come from operators. PREFERENCE tags ({@code category:<id>}) are derived: the member's top
 * categories by the number of paid orders with a product of that category, recomputed on every paid order and by
 * the daily job (which picks up products the catalog told us about late).
 */
@Service
public class Tags {

    static final String MANUAL = "MANUAL";
    static final String PREFERENCE = "PREFERENCE";
    static final String CATEGORY_PREFIX = "category:";
    /** Letters (any script), digits, '-' and '_'; no ':' so a manual tag never looks like a derived one. */
    static final Pattern MANUAL_TAG = Pattern.compile("^[\\p{L}\\p{N}_-]{1,32}$");

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Clock clock;
    private final MemberProperties props;

    Tags(JdbcTemplate jdbc, MemberLocks locks, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.props = props;
    }

    public record TagView(String tag, String source, Instant createdAt) {
    }

    /** The member's tags; 404 MEMBER_NOT_FOUND for an unknown or deleted member. */
    public List<TagView> ofMember(long memberId) {
        requireLive(memberId);
        return of(memberId);
    }

    List<TagView> of(long memberId) {
        return jdbc.query("SELECT tag, source, created_at FROM member_tag WHERE member_id = ? ORDER BY source, tag",
                (rs, n) -> new TagView(rs.getString("tag"), rs.getString("source"),
                        rs.getTimestamp("created_at").toInstant()), memberId);
    }

    /** Tag names per member, for a page of search results. */
    Map<Long, List<String>> namesOf(Collection<Long> memberIds) {
        Map<Long, List<String>> names = new HashMap<>();
        if (memberIds.isEmpty()) {
            return names;
        }
        String in = String.join(",", memberIds.stream().map(id -> "?").toList());
        jdbc.query("SELECT member_id, tag FROM member_tag WHERE member_id IN (" + in + ") ORDER BY source, tag",
                rs -> {
                    names.computeIfAbsent(rs.getLong("member_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                }, memberIds.toArray());
        return names;
    }

    /** Adding a tag the member already has changes nothing. */
    @Transactional
    public List<TagView> addManual(long memberId, String tag, String actor) {
        String name = checkManual(tag);
        locks.lock(memberId);
        requireLive(memberId);
        jdbc.update("INSERT IGNORE INTO member_tag (member_id, tag, source, actor, created_at) VALUES (?, ?, ?, ?, ?)",
                memberId, name, MANUAL, actor, Timestamp.from(clock.instant()));
        return of(memberId);
    }

    @Transactional
    public void removeManual(long memberId, String tag) {
        locks.lock(memberId);
        requireLive(memberId);
        List<String> source = jdbc.queryForList("SELECT source FROM member_tag WHERE member_id = ? AND tag = ?",
                String.class, memberId, tag);
        if (source.isEmpty()) {
            throw MallException.notFound("TAG_NOT_FOUND", "the member has no tag " + tag);
        }
        if (!MANUAL.equals(source.get(0))) {
            throw MallException.conflict("TAG_DERIVED", tag + " is derived from purchases and cannot be removed");
        }
        jdbc.update("DELETE FROM member_tag WHERE member_id = ? AND tag = ?", memberId, tag);
    }

    /** Counts each order's products once (order id + spu id is the key), then recomputes the preference tags. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordPurchase(long memberId, long orderId, List<OrderLine> lines) {
        Timestamp now = Timestamp.from(clock.instant());
        for (OrderLine line : lines == null ? List.<OrderLine>of() : lines) {
            jdbc.update("INSERT IGNORE INTO purchased_spu (order_id, spu_id, member_id, created_at) VALUES (?, ?, ?, ?)",
                    orderId, line.spuId(), memberId, now);
        }
        refreshPreferences(memberId);
    }

    /** Replaces the member's PREFERENCE tags by their current top categories. The caller holds the member lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshPreferences(long memberId) {
        List<String> top = jdbc.queryForList("SELECT s.category_id FROM purchased_spu p "
                + "JOIN catalog_spu s ON s.spu_id = p.spu_id WHERE p.member_id = ? AND s.category_id IS NOT NULL "
                + "GROUP BY s.category_id ORDER BY COUNT(DISTINCT p.order_id) DESC, s.category_id LIMIT "
                + props.tags().preferenceTop(), String.class, memberId);
        List<String> current = jdbc.queryForList("SELECT tag FROM member_tag WHERE member_id = ? AND source = ?",
                String.class, memberId, PREFERENCE);
        List<String> wanted = top.stream().map(id -> CATEGORY_PREFIX + id).toList();
        if (current.size() == wanted.size() && current.containsAll(wanted)) {
            return;
        }
        jdbc.update("DELETE FROM member_tag WHERE member_id = ? AND source = ?", memberId, PREFERENCE);
        Timestamp now = Timestamp.from(clock.instant());
        for (String tag : wanted) {
            jdbc.update("INSERT INTO member_tag (member_id, tag, source, actor, created_at) VALUES (?, ?, ?, NULL, ?)",
                    memberId, tag, PREFERENCE, now);
        }
    }

    private void requireLive(long memberId) {
        List<Boolean> live = jdbc.queryForList("SELECT deleted_at IS NULL FROM member WHERE id = ?", Boolean.class,
                memberId);
        if (live.isEmpty() || !live.get(0)) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
    }

    private static String checkManual(String tag) {
        String name = tag == null ? "" : tag.trim();
        if (!MANUAL_TAG.matcher(name).matches()) {
            throw MallException.badRequest("TAG_INVALID", "a tag is 1–32 letters, digits, '-' or '_'");
        }
        return name;
    }
}
