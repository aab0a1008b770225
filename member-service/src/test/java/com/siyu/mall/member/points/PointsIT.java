package com.siyu.mall.member.points;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class PointsIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MemberApi api;
    MemberApi.LoggedIn member;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
        admin = api.adminToken();
    }

    @Test
    void aNewMemberHasNoPoints() {
        MallHttp.Response points = points(member);
        assertThat(points.status()).as(points.toString()).isEqualTo(200);
        assertThat(points.number("available")).isZero();
        assertThat(points.number("pending")).isZero();
        assertThat(points.number("expiringSoon")).isZero();
    }

    @Test
    void signingInEarnsFivePointsOncePerDay() {
        MallHttp.Response first = signIn(member);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.number("streakDay")).isEqualTo(1);
        assertThat(first.number("points")).isEqualTo(5);
        assertThat(first.text("date")).isEqualTo(LocalDate.now(SHANGHAI).toString());

        assertProblem(signIn(member), 409, "ALREADY_SIGNED_IN");
        assertThat(points(member).number("available")).isEqualTo(5);
        assertLedgerMatchesBalance(member);
    }

    @Test
    void theSeventhDayOfAStreakEarnsThirtyAndTheEighthStartsAgain() {
        LocalDate today = LocalDate.now(SHANGHAI);
        signedInOn(member, today.minusDays(1), 6);
        MallHttp.Response seventh = signIn(member);
        assertThat(seventh.number("streakDay")).isEqualTo(7);
        assertThat(seventh.number("points")).isEqualTo(30);

        MemberApi.LoggedIn other = api.newMember();
        signedInOn(other, today.minusDays(1), 7);
        assertThat(signIn(other).number("streakDay")).isEqualTo(1);

        MemberApi.LoggedIn lapsed = api.newMember();
        signedInOn(lapsed, today.minusDays(2), 5);
        assertThat(signIn(lapsed).number("streakDay")).as("a missed day breaks the streak").isEqualTo(1);
    }

    @Test
    void concurrentSignInsGrantOnce() throws Exception {
        List<MallHttp.Response> answers = concurrently(10, i -> signIn(member));
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(9)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("ALREADY_SIGNED_IN"));
        assertThat(points(member).number("available")).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in WHERE member_id = ?", Integer.class, member.id()))
                .isEqualTo(1);
    }

    @Test
    void anAdminAdjustsPointsWithAReasonAndIsRecordedAsTheActor() {
        MallHttp.Response adjusted = adjust(member.id(), 120, "补偿：物流延误");
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
        assertThat(adjusted.text("actor")).isEqualTo("admin:admin");
        assertThat(adjusted.text("reason")).isEqualTo("补偿：物流延误");
        assertThat(adjusted.text("expiresAt")).isNotNull();

        assertThat(adjust(member.id(), -20, "撤销部分补偿").status()).isEqualTo(201);
        assertThat(points(member).number("available")).isEqualTo(100);

        Map<String, Object> row = jdbc.queryForMap("SELECT actor, reason FROM points_ledger WHERE member_id = ? AND delta = -20",
                member.id());
        assertThat(row).containsEntry("actor", "admin:admin").containsEntry("reason", "撤销部分补偿");
        assertLedgerMatchesBalance(member);
    }

    @Test
    void anAdjustmentNeverTakesAvailablePointsBelowZero() {
        adjust(member.id(), 50, "seed");
        assertProblem(adjust(member.id(), -51, "too much"), 409, "POINTS_INSUFFICIENT");
        assertThat(adjust(member.id(), -50, "all of it").status()).isEqualTo(201);
        assertThat(points(member).number("available")).isZero();
    }

    @Test
    void badAdjustmentsAreRejectedAndChangeNothing() {
        String path = "/admin/v1/members/" + member.id() + "/points-adjustments";
        assertProblem(api.http.post(path, Map.of("delta", 10), admin), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", 10, "reason", "  "), admin), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", 0, "reason", "zero"), admin), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("delta", "lots", "reason", "x"), admin), 400, "MALFORMED_REQUEST");
        assertProblem(api.http.post(path, Map.of("delta", 10, "reason", "x"), member.token()), 403, "FORBIDDEN");
        assertProblem(adjust(1, 10, "nobody"), 404, "MEMBER_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE member_id = ?", Integer.class, member.id()))
                .isZero();
    }

    @Test
    void expiringSoonCountsAvailablePointsThatExpireWithin30Days() {
        adjust(member.id(), 100, "soon");
        adjust(member.id(), 40, "later");
        jdbc.update("UPDATE points_ledger SET expires_at = ? WHERE member_id = ? AND reason = 'soon'",
                Timestamp.from(Instant.now().plus(Duration.ofDays(10))), member.id());
        assertThat(points(member).number("expiringSoon")).isEqualTo(100);

        adjust(member.id(), -30, "spent");
        MallHttp.Response after = points(member);
        assertThat(after.number("available")).isEqualTo(110);
        assertThat(after.number("expiringSoon")).as("the earliest-expiring points are used first").isEqualTo(70);
    }

    @Test
    void theLedgerIsPagedNewestFirstWithACursor() {
        for (int i = 1; i <= 5; i++) {
            adjust(member.id(), i, "r" + i);
        }
        MallHttp.Response page1 = ledger(member, "?limit=2");
        assertThat(page1.status()).as(page1.toString()).isEqualTo(200);
        assertThat(deltas(page1)).containsExactly(5L, 4L);
        MallHttp.Response page2 = ledger(member, "?limit=2&cursor=" + page1.text("nextCursor"));
        assertThat(deltas(page2)).containsExactly(3L, 2L);
        MallHttp.Response page3 = ledger(member, "?limit=2&cursor=" + page2.text("nextCursor"));
        assertThat(deltas(page3)).containsExactly(1L);
        assertThat(page3.body().path("nextCursor").isNull()).isTrue();
        assertThat(page1.body().path("items").get(0).path("id").isString()).isTrue();

        assertProblem(ledger(member, "?limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(ledger(member, "?limit=101"), 400, "VALIDATION_FAILED");
        assertProblem(ledger(member, "?cursor=abc"), 400, "CURSOR_INVALID");
        assertThat(deltas(ledger(api.newMember(), ""))).as("another member sees only their own").isEmpty();
    }

    @Test
    void twentyConcurrentReservationsOfTenAgainstAHundredLetExactlyTenThrough() throws Exception {
        adjust(member.id(), 100, "seed");
        List<MallHttp.Response> answers = concurrently(20, i -> reserve(member, orderId(), 10));
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(10);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(10)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("POINTS_INSUFFICIENT"));
        assertThat(points(member).number("available")).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(delta) FROM points_ledger WHERE member_id = ? AND bucket = 'RESERVED'",
                Long.class, member.id())).isEqualTo(100);
        assertLedgerMatchesBalance(member);
    }

    @Test
    void aReservationIsConfirmedOrReleasedOnceAndRepeatsAnswerTheSame() {
        adjust(member.id(), 100, "seed");
        long paidOrder = orderId();
        long cancelledOrder = orderId();
        String base = "/internal/members/" + member.id() + "/points-reservations/";

        MallHttp.Response reserved = reserve(member, paidOrder, 30);
        assertThat(reserved.status()).as(reserved.toString()).isEqualTo(200);
        assertThat(reserved.text("status")).isEqualTo("RESERVED");
        assertThat(reserve(member, paidOrder, 30).text("status")).as("idempotent per order").isEqualTo("RESERVED");
        assertThat(points(member).number("available")).isEqualTo(70);
        assertProblem(reserve(member, paidOrder, 31), 409, "POINTS_RESERVATION_CONFLICT");

        assertThat(api.http.post(base + paidOrder + "/confirm", null, member.token()).text("status")).isEqualTo("CONFIRMED");
        assertThat(api.http.post(base + paidOrder + "/confirm", null, member.token()).text("status")).isEqualTo("CONFIRMED");
        assertProblem(api.http.post(base + paidOrder + "/release", null, member.token()), 409,
                "POINTS_RESERVATION_STATE_CONFLICT");
        assertThat(points(member).number("available")).isEqualTo(70);

        reserve(member, cancelledOrder, 20);
        assertThat(points(member).number("available")).isEqualTo(50);
        assertThat(api.http.post(base + cancelledOrder + "/release", null, admin).text("status")).isEqualTo("RELEASED");
        assertThat(api.http.post(base + cancelledOrder + "/release", null, admin).text("status")).isEqualTo("RELEASED");
        assertProblem(api.http.post(base + cancelledOrder + "/confirm", null, admin), 409, "POINTS_RESERVATION_STATE_CONFLICT");
        assertThat(points(member).number("available")).isEqualTo(70);
        assertThat(jdbc.queryForObject("SELECT SUM(delta) FROM points_ledger WHERE member_id = ? AND bucket = 'RESERVED'",
                Long.class, member.id())).isZero();
        assertLedgerMatchesBalance(member);
    }

    @Test
    void reservationsRejectBadInputAndOtherMembers() {
        adjust(member.id(), 10, "seed");
        String path = "/internal/members/" + member.id() + "/points-reservations";
        assertProblem(reserve(member, orderId(), 11), 409, "POINTS_INSUFFICIENT");
        assertProblem(api.http.post(path, Map.of("orderId", orderId(), "points", 0), member.token()), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("points", 5), member.token()), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path + "/" + orderId() + "/confirm", null, member.token()), 404,
                "POINTS_RESERVATION_NOT_FOUND");

        MemberApi.LoggedIn other = api.newMember();
        assertProblem(api.http.post(path, Map.of("orderId", orderId(), "points", 5), other.token()), 404, "MEMBER_NOT_FOUND");
        long taken = orderId();
        assertThat(reserve(member, taken, 5).status()).isEqualTo(200);
        assertProblem(api.http.post("/internal/members/" + other.id() + "/points-reservations",
                Map.of("orderId", taken, "points", 5), admin), 409, "POINTS_RESERVATION_CONFLICT");
        assertThat(api.http.post(path + "/" + taken + "/release", null, member.token()).text("status")).isEqualTo("RELEASED");
        assertProblem(api.http.post(path, Map.of("orderId", orderId(), "points", 5), null), 401, "UNAUTHORIZED");
        assertThat(points(member).number("available")).isEqualTo(10);
    }

    // ---- steps

    private MallHttp.Response points(MemberApi.LoggedIn m) {
        return api.http.get("/api/v1/members/me/points", m.token());
    }

    private MallHttp.Response ledger(MemberApi.LoggedIn m, String query) {
        return api.http.get("/api/v1/members/me/points/ledger" + query, m.token());
    }

    private MallHttp.Response signIn(MemberApi.LoggedIn m) {
        return api.http.post("/api/v1/members/me/sign-ins", null, m.token());
    }

    private MallHttp.Response adjust(long memberId, long delta, String reason) {
        return api.http.post("/admin/v1/members/" + memberId + "/points-adjustments",
                Map.of("delta", delta, "reason", reason), admin);
    }

    private MallHttp.Response reserve(MemberApi.LoggedIn m, long orderId, long points) {
        return api.http.post("/internal/members/" + m.id() + "/points-reservations",
                Map.of("orderId", orderId, "points", points), m.token());
    }

    private void signedInOn(MemberApi.LoggedIn m, LocalDate date, int streakDay) {
        jdbc.update("INSERT INTO sign_in (member_id, sign_date, streak_day, points, created_at) VALUES (?, ?, ?, 5, NOW(3))",
                m.id(), Date.valueOf(date), streakDay);
    }

    private static long orderId() {
        return com.baomidou.mybatisplus.core.toolkit.IdWorker.getId();
    }

    private static List<Long> deltas(MallHttp.Response page) {
        List<Long> deltas = new ArrayList<>();
        for (JsonNode item : page.body().path("items")) {
            deltas.add(item.path("delta").asLong());
        }
        return deltas;
    }

    /** Balance = sum of the ledger: what the API says equals the rows. */
    private void assertLedgerMatchesBalance(MemberApi.LoggedIn m) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ? "
                + "AND bucket = 'AVAILABLE'", Long.class, m.id());
        assertThat(points(m).number("available")).isEqualTo(sum).isGreaterThanOrEqualTo(0);
    }

    private static List<MallHttp.Response> concurrently(int n, java.util.function.IntFunction<MallHttp.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<MallHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<MallHttp.Response> answers = new ArrayList<>();
            for (Future<MallHttp.Response> future : pool.invokeAll(calls)) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
