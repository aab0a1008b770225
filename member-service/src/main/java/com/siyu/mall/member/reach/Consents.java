package com.siyu.mall.member.reach;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marketing consent per channel. A channel without a row has its default ({@code mall.member.reach.default-consents},
 * none by default: opt-in). Every change is also appended to {@code consent_record}, the proof of when a member said
 * yes or no.
 */
@Service
public class Consents {

    private final JdbcTemplate jdbc;
    private final MemberLocks locks;
    private final Clock clock;
    private final MemberProperties props;

    Consents(JdbcTemplate jdbc, MemberLocks locks, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.props = props;
    }

    public record ConsentView(String channel, boolean granted, Instant updatedAt) {
    }

    public List<ConsentView> list(long memberId) {
        Map<Channel, ConsentView> stored = new EnumMap<>(Channel.class);
        jdbc.query("SELECT channel, granted, updated_at FROM member_consent WHERE member_id = ?", rs -> {
            Channel channel = Channel.valueOf(rs.getString("channel"));
            stored.put(channel, new ConsentView(channel.name(), rs.getBoolean("granted"),
                    rs.getTimestamp("updated_at").toInstant()));
        }, memberId);
        List<ConsentView> all = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            all.add(stored.getOrDefault(channel, new ConsentView(channel.name(), byDefault(channel), null)));
        }
        return all;
    }

    /** Sets the channels named in {@code change}; the others keep their value. Everything is checked before writing. */
    @Transactional
    public List<ConsentView> update(long memberId, Map<String, Boolean> change) {
        Map<Channel, Boolean> parsed = parse(change);
        locks.lock(memberId);
        Instant now = clock.instant();
        parsed.forEach((channel, granted) -> {
            jdbc.update("INSERT INTO member_consent (member_id, channel, granted, updated_at) VALUES (?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE granted = VALUES(granted), updated_at = VALUES(updated_at)",
                    memberId, channel.name(), granted, Timestamp.from(now));
            jdbc.update("INSERT INTO consent_record (id, member_id, channel, granted, created_at) VALUES (?, ?, ?, ?, ?)",
                    IdWorker.getId(), memberId, channel.name(), granted, Timestamp.from(now));
        });
        return list(memberId);
    }

    boolean consented(long memberId, Channel channel) {
        List<Boolean> granted = jdbc.queryForList("SELECT granted FROM member_consent WHERE member_id = ? AND channel = ?",
                Boolean.class, memberId, channel.name());
        return granted.isEmpty() ? byDefault(channel) : granted.get(0);
    }

    private boolean byDefault(Channel channel) {
        return props.reach().defaultConsents().contains(channel.name());
    }

    private static Map<Channel, Boolean> parse(Map<String, Boolean> change) {
        if (change == null || change.isEmpty()) {
            throw MallException.badRequest("CONSENTS_EMPTY", "name at least one channel, e.g. {\"SMS\": true}");
        }
        Map<Channel, Boolean> parsed = new LinkedHashMap<>();
        change.forEach((name, granted) -> {
            Channel channel = Channel.parse(name);
            if (granted == null) {
                throw MallException.badRequest("CONSENT_INVALID", name + " must be true or false");
            }
            parsed.put(channel, granted);
        });
        return parsed;
    }
}
