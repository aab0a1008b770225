package com.siyu.mall.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.gateway.ratelimit.RateLimitProperties.Limit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RateLimitsTest {

    private static final String ALICE_IP = "203.0.113.7";
    private static final String BOB_IP = "198.51.100.9";

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimits limits = new RateLimits(new RateLimitProperties(true, false, 1000,
            new Limit(10, 5, Duration.ofSeconds(1)),    // per IP
            new Limit(4, 2, Duration.ofSeconds(1)),     // per member
            new Limit(3, 3, Duration.ofMinutes(1)),     // sms codes
            new Limit(5, 5, Duration.ofMinutes(1))),    // login
            clock::get);

    @Test
    void refusesTheFourthSmsCodeFromOneIpWithinAMinute() {
        IntStream.range(0, 3).forEach(i -> assertThat(sms(ALICE_IP).allowed()).isTrue());

        RateLimits.Decision fourth = sms(ALICE_IP);

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.limit()).isEqualTo("sms-codes");
        assertThat(fourth.retryAfterSeconds()).isEqualTo(20); // 3 per minute: one every 20 s
    }

    @Test
    void smsLimitIsPerIp() {
        IntStream.range(0, 3).forEach(i -> sms(ALICE_IP));

        assertThat(sms(ALICE_IP).allowed()).isFalse();
        assertThat(sms(BOB_IP).allowed()).isTrue();
    }

    @Test
    void smsLimitCannotBeDodgedByPercentEncodingThePath() {
        IntStream.range(0, 3).forEach(i -> sms(ALICE_IP));

        assertThat(limits.tryAcquire(HttpMethod.POST, "/api/v1/auth/sms%2Dcodes", ALICE_IP, null).allowed()).isFalse();
    }

    @Test
    void smsLimitAppliesEvenWithAToken() {
        IntStream.range(0, 3).forEach(i -> limits.tryAcquire(HttpMethod.POST, RateLimits.SMS_CODES_PATH, ALICE_IP, "m-" + i));

        assertThat(limits.tryAcquire(HttpMethod.POST, RateLimits.SMS_CODES_PATH, ALICE_IP, "m-9").limit()).isEqualTo("sms-codes");
    }

    @Test
    void smsTokensComeBackOverTime() {
        IntStream.range(0, 3).forEach(i -> sms(ALICE_IP));
        assertThat(sms(ALICE_IP).allowed()).isFalse();

        clock.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(sms(ALICE_IP).allowed()).isTrue();
        assertThat(sms(ALICE_IP).allowed()).isFalse();
    }

    @Test
    void memberAndAdminLoginsShareOneStricterLimitPerIp() {
        IntStream.range(0, 3).forEach(i -> limits.tryAcquire(HttpMethod.POST, "/api/v1/auth/login", ALICE_IP, null));
        IntStream.range(0, 2).forEach(i -> limits.tryAcquire(HttpMethod.POST, "/admin/v1/auth/login", ALICE_IP, null));

        RateLimits.Decision sixth = limits.tryAcquire(HttpMethod.POST, "/api/v1/auth/login", ALICE_IP, null);

        assertThat(sixth.limit()).isEqualTo("login");
    }

    @Test
    void anonymousCallsAreLimitedPerIpWithBurst() {
        IntStream.range(0, 10).forEach(i -> assertThat(get(ALICE_IP, null).allowed()).isTrue());

        RateLimits.Decision eleventh = get(ALICE_IP, null);

        assertThat(eleventh.limit()).isEqualTo("per-ip");
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofMillis(200)); // 5 per second
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(1);
        assertThat(get(BOB_IP, null).allowed()).isTrue();
    }

    @Test
    void authenticatedCallsAreLimitedPerMemberNotPerIp() {
        IntStream.range(0, 4).forEach(i -> assertThat(get(ALICE_IP, "member-1").allowed()).isTrue());

        assertThat(get(BOB_IP, "member-1").limit()).isEqualTo("per-member"); // same member, other IP
        assertThat(get(ALICE_IP, "member-2").allowed()).isTrue();          // other member, same IP (carrier NAT)
        assertThat(get(ALICE_IP, null).allowed()).isTrue();                // the IP's own bucket is untouched
    }

    @Test
    void getOnSmsCodesIsOnlyCountedByTheGeneralLimit() {
        IntStream.range(0, 5).forEach(i -> assertThat(
                limits.tryAcquire(HttpMethod.GET, RateLimits.SMS_CODES_PATH, ALICE_IP, null).allowed()).isTrue());
    }

    private RateLimits.Decision sms(String ip) {
        return limits.tryAcquire(HttpMethod.POST, RateLimits.SMS_CODES_PATH, ip, null);
    }

    private RateLimits.Decision get(String ip, String member) {
        return limits.tryAcquire(HttpMethod.GET, "/api/v1/orders", ip, member);
    }
}
