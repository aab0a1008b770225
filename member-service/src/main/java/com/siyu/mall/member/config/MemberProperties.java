package com.siyu.mall.member.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The member rules that are configuration ({@code mall.member.*}); every value has the default stated in issue 3.
 *
 * @param zone            the business calendar: sign-in days, points expiry years, the lifecycle job
 * @param birthdayPoints  points granted on a member's birthday, once a year (0: none)
 * @param birthdayJobCron when the daily birthday job runs (in {@code zone})
 */
@ConfigurationProperties("mall.member")
public record MemberProperties(ZoneId zone, Addresses addresses, Points points, SignIn signIn, Lifecycle lifecycle,
        Reach reach, Tags tags, Rfm rfm, Long birthdayPoints, String birthdayJobCron, Deletion deletion) {

    public MemberProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        addresses = addresses == null ? new Addresses(0) : addresses;
        points = points == null ? new Points(0, null, 0) : points;
        signIn = signIn == null ? new SignIn(null) : signIn;
        lifecycle = lifecycle == null ? new Lifecycle(0, 0, null, null, null) : lifecycle;
        reach = reach == null ? new Reach(null, null, 0, 0, null) : reach;
        tags = tags == null ? new Tags(0) : tags;
        rfm = rfm == null ? new Rfm(null) : rfm;
        birthdayPoints = birthdayPoints == null ? 100L : birthdayPoints;
        if (birthdayPoints < 0) {
            throw new IllegalStateException("mall.member.birthday-points must not be negative");
        }
        birthdayJobCron = birthdayJobCron == null || birthdayJobCron.isBlank() ? "0 10 0 * * *" : birthdayJobCron;
        deletion = deletion == null ? new Deletion(null, null) : deletion;
    }

    /** @param max addresses per member */
    public record Addresses(int max) {
        public Addresses {
            max = max <= 0 ? 20 : max;
        }
    }

    /**
     * @param fenPerPoint          paid fen per point (and per growth point) before the level multiplier: 100 = 1 per yuan
     * @param expiringSoonWindow   {@code expiringSoon} counts available points that expire within this window
     * @param expiryYearsAfter     points expire at the end of the N-th calendar year after the one they were earned in
     */
    public record Points(long fenPerPoint, Duration expiringSoonWindow, int expiryYearsAfter) {
        public Points {
            fenPerPoint = fenPerPoint <= 0 ? 100 : fenPerPoint;
            expiringSoonWindow = expiringSoonWindow == null ? Duration.ofDays(30) : expiringSoonWindow;
            expiryYearsAfter = expiryYearsAfter <= 0 ? 1 : expiryYearsAfter;
        }
    }

    /** @param rewards points for streak day 1, 2, ...; after the last day the streak starts again at day 1 */
    public record SignIn(List<Integer> rewards) {
        public SignIn {
            rewards = rewards == null || rewards.isEmpty() ? List.of(5, 5, 5, 5, 5, 5, 30) : List.copyOf(rewards);
            if (rewards.stream().anyMatch(r -> r == null || r < 0)) {
                throw new IllegalStateException("mall.member.sign-in.rewards must be non-negative numbers");
            }
        }
    }

    /**
     * @param loyalOrders  paid orders within {@code loyalWindow} that make a member LOYAL
     * @param loyalPaidFen paid fen within {@code loyalWindow} that make a member LOYAL
     * @param dormantAfter no paid order for this long makes a member who has paid before DORMANT
     * @param jobCron      when the daily lifecycle job runs (in {@code zone})
     */
    public record Lifecycle(int loyalOrders, long loyalPaidFen, Duration loyalWindow, Duration dormantAfter,
            String jobCron) {
        public Lifecycle {
            loyalOrders = loyalOrders <= 0 ? 5 : loyalOrders;
            loyalPaidFen = loyalPaidFen <= 0 ? 200_000 : loyalPaidFen;
            loyalWindow = loyalWindow == null ? Duration.ofDays(180) : loyalWindow;
            dormantAfter = dormantAfter == null ? Duration.ofDays(90) : dormantAfter;
            jobCron = jobCron == null || jobCron.isBlank() ? "0 30 3 * * *" : jobCron;
        }
    }

    /**
     * Marketing reach limits (避免过度打扰), per member across all channels.
     *
     * @param quietStart      start of the daily quiet hours (in {@code zone}); no permit is granted from here...
     * @param quietEnd        ...until here (the window may wrap midnight; equal values switch quiet hours off)
     * @param dailyCap        grants per calendar day
     * @param weeklyCap       grants per 7 calendar days (today and the six days before)
     * @param defaultConsents channels a member has consented to until they say otherwise (none: opt-in everywhere)
     */
    public record Reach(LocalTime quietStart, LocalTime quietEnd, int dailyCap, int weeklyCap,
            List<String> defaultConsents) {
        public Reach {
            quietStart = quietStart == null ? LocalTime.of(22, 0) : quietStart;
            quietEnd = quietEnd == null ? LocalTime.of(8, 0) : quietEnd;
            dailyCap = dailyCap <= 0 ? 3 : dailyCap;
            weeklyCap = weeklyCap <= 0 ? 10 : weeklyCap;
            defaultConsents = defaultConsents == null ? List.of()
                    : defaultConsents.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
        }
    }

    /** @param preferenceTop how many top categories become a member's preference tags */
    public record Tags(int preferenceTop) {
        public Tags {
            preferenceTop = preferenceTop <= 0 ? 3 : preferenceTop;
        }
    }

    /** @param jobCron when the daily RFM and preference-tag job runs (in {@code zone}) */
    public record Rfm(String jobCron) {
        public Rfm {
            jobCron = jobCron == null || jobCron.isBlank() ? "0 0 4 * * *" : jobCron;
        }
    }

    /**
     * @param coolingOff how long a deletion request waits (cancellable) before the member is anonymised
     * @param jobCron    when the job that anonymises due requests runs (in {@code zone})
     */
    public record Deletion(Duration coolingOff, String jobCron) {
        public Deletion {
            coolingOff = coolingOff == null ? Duration.ofDays(7) : coolingOff;
            jobCron = jobCron == null || jobCron.isBlank() ? "0 15 * * * *" : jobCron;
        }
    }
}
