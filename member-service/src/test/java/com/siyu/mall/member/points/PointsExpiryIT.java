package com.siyu.mall.member.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.MovableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class PointsExpiryIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    PointsExpiryJob job;

    MemberApi api;
    MemberApi.LoggedIn member;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
        admin = api.adminToken();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theJobExpiresWhatIsLeftOfLastYearsEarningsOnceEvenWhenRunConcurrently() throws Exception {
        clock.set(at(2024, 6, 1));
        adjust(100, "earned in 2024"); // expires 2026-01-01 Shanghai
        clock.set(at(2025, 6, 1));
        adjust(50, "earned in 2025");  // expires 2027-01-01
        adjust(-30, "spent");          // taken from the 2024 earnings first

        clock.set(at(2025, 12, 10));
        MallHttp.Response soon = api.http.get("/api/v1/members/me/points", member.token());
        assertThat(soon.number("available")).isEqualTo(120);
        assertThat(soon.number("expiringSoon")).as("what the job will expire within 30 days").isEqualTo(70);

        Instant newYear = LocalDate.of(2026, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        assertThat(job.run(newYear.minusMillis(1))).as("nothing is due a moment before").isGreaterThanOrEqualTo(0);
        assertThat(expiredRows()).isEmpty();

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Long>> runs = List.of(1, 2, 3).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            await(go);
            return job.run(newYear);
        })).toList();
        go.countDown();
        runs.forEach(CompletableFuture::join);
        job.run(newYear.plusSeconds(3600));

        assertThat(expiredRows()).containsExactly(-70L);
        clock.set(newYear.plusSeconds(60));
        MallHttp.Response after = api.http.get("/api/v1/members/me/points", member.token());
        assertThat(after.number("available")).isEqualTo(50);
        assertThat(after.number("available")).isEqualTo(ledgerSum("AVAILABLE"));

        Instant nextNewYear = LocalDate.of(2027, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        job.run(nextNewYear);
        job.run(nextNewYear);
        assertThat(expiredRows()).containsExactly(-70L, -50L);
        assertThat(ledgerSum("AVAILABLE")).isZero();
        assertThat(jdbc.queryForList("SELECT points FROM points_expiry WHERE member_id = ? ORDER BY expires_at", Long.class,
                member.id())).containsExactly(70L, 50L);
    }

    @Test
    void pointsSpentEntirelyLeaveNothingToExpire() {
        clock.set(at(2023, 3, 1));
        adjust(40, "earned in 2023");
        adjust(-40, "spent");
        job.run(LocalDate.of(2025, 1, 1).atStartOfDay(SHANGHAI).toInstant());
        assertThat(expiredRows()).isEmpty();
        assertThat(jdbc.queryForList("SELECT points FROM points_expiry WHERE member_id = ?", Long.class, member.id()))
                .containsExactly(0L);
    }

    private List<Long> expiredRows() {
        return jdbc.queryForList("SELECT delta FROM points_ledger WHERE member_id = ? AND kind = 'EXPIRED' ORDER BY id",
                Long.class, member.id());
    }

    private long ledgerSum(String bucket) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ? AND bucket = ?",
                Long.class, member.id(), bucket);
    }

    private void adjust(long delta, String reason) {
        MallHttp.Response r = api.http.post("/admin/v1/members/" + member.id() + "/points-adjustments",
                Map.of("delta", delta, "reason", reason), admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
