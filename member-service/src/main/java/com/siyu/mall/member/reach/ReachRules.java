package com.siyu.mall.member.reach;

import com.siyu.mall.member.config.MemberProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The single gate for marketing messages: a deleted member, or one who asked to be deleted, gets nothing, then consent for the channel, then no
 * message during quiet hours, then at most {@code dailyCap} a calendar day and {@code weeklyCap} in any 7 calendar
 * days (rolling, so a burst across a week boundary is still capped). Days are calendar days in {@code zone}.
 */
final class ReachRules {

    private final MemberProperties.Reach limits;
    private final ZoneId zone;

    ReachRules(MemberProperties.Reach limits, ZoneId zone) {
        this.limits = limits;
        this.zone = zone;
    }

    Optional<DenyReason> check(ReachFacts facts, Instant now) {
        Optional<DenyReason> gone = gone(facts);
        if (gone.isPresent()) {
            return gone;
        }
        if (!facts.consented()) {
            return Optional.of(DenyReason.NO_CONSENT);
        }
        if (inQuietHours(now)) {
            return Optional.of(DenyReason.QUIET_HOURS);
        }
        if (facts.grantedToday() >= limits.dailyCap()) {
            return Optional.of(DenyReason.DAILY_CAP);
        }
        if (facts.grantedThisWeek() >= limits.weeklyCap()) {
            return Optional.of(DenyReason.WEEKLY_CAP);
        }
        return Optional.empty();
    }

    /** The reasons that outrank even a grant given before: the member is (being) deleted. */
    Optional<DenyReason> gone(ReachFacts facts) {
        if (facts.deleted()) {
            return Optional.of(DenyReason.MEMBER_DELETED);
        }
        if (facts.deletionPending()) {
            return Optional.of(DenyReason.DELETION_PENDING);
        }
        return Optional.empty();
    }

    /** Start inclusive, end exclusive: with 22:00–08:00, 22:00:00 and 07:59:59 are quiet, 08:00 and 21:59:59 are not. */
    boolean inQuietHours(Instant now) {
        LocalTime time = now.atZone(zone).toLocalTime();
        LocalTime start = limits.quietStart();
        LocalTime end = limits.quietEnd();
        if (start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** The first day of the rolling week that ends today. */
    LocalDate weekStart(Instant now) {
        return day(now).minusDays(6);
    }
}
