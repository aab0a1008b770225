package com.siyu.mall.member.reach;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.MovableClock;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class ReachIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Wednesday afternoon in Shanghai: outside quiet hours. */
    static final Instant AFTERNOON = ZonedDateTime.of(2026, 11, 25, 15, 0, 0, 0, SHANGHAI).toInstant();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;

    MemberApi api;
    MemberApi.LoggedIn member;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
        admin = api.adminToken();
        clock.set(AFTERNOON);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyChannelIsOffUntilTheMemberConsents() {
        MallHttp.Response consents = api.http.get("/api/v1/members/me/consents", member.token());
        assertThat(consents.status()).as(consents.toString()).isEqualTo(200);
        assertThat(consentMap(consents)).containsExactly(Map.entry("SMS", false), Map.entry("WECHAT_SUBSCRIBE", false),
                Map.entry("WECOM", false), Map.entry("APP_PUSH", false));
        assertDenied(permit(member.id(), "SMS", campaign()), "NO_CONSENT");

        MallHttp.Response updated = api.put("/api/v1/members/me/consents", Map.of("SMS", true, "APP_PUSH", false),
                member.token());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(consentMap(updated)).containsEntry("SMS", true).containsEntry("APP_PUSH", false)
                .containsEntry("WECOM", false);
        assertThat(updated.body().get(0).path("updatedAt").isNull()).isFalse();
        assertThat(permit(member.id(), "SMS", campaign()).body().path("granted").asBoolean()).isTrue();
        assertDenied(permit(member.id(), "WECOM", campaign()), "NO_CONSENT");

        api.put("/api/v1/members/me/consents", Map.of("SMS", false), member.token());
        assertDenied(permit(member.id(), "SMS", campaign()), "NO_CONSENT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record WHERE member_id = ?", Integer.class,
                member.id())).as("every change is recorded").isEqualTo(3);
    }

    @Test
    void aGrantIsLoggedAndACampaignRetryGetsTheSameGrant() {
        consentTo(member, "WECHAT_SUBSCRIBE");
        long campaign = campaign();
        MallHttp.Response first = permit(member.id(), "WECHAT_SUBSCRIBE", campaign);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("granted").asBoolean()).isTrue();
        assertThat(first.body().path("reason").isNull()).isTrue();
        assertThat(first.text("grantedAt")).isEqualTo(AFTERNOON.toString());

        clock.set(AFTERNOON.plusSeconds(60));
        MallHttp.Response retry = permit(member.id(), "WECHAT_SUBSCRIBE", campaign);
        assertThat(retry.number("permitId")).isEqualTo(first.number("permitId"));
        assertThat(retry.text("grantedAt")).isEqualTo(AFTERNOON.toString());

        Map<String, Object> row = jdbc.queryForMap("SELECT channel, campaign_id, reach_date FROM reach_log WHERE "
                + "member_id = ?", member.id());
        assertThat(row.get("channel")).isEqualTo("WECHAT_SUBSCRIBE");
        assertThat(((Number) row.get("campaign_id")).longValue()).isEqualTo(campaign);
        assertThat(row.get("reach_date").toString()).isEqualTo("2026-11-25");
    }

    @Test
    void quietHoursDenyFromTenAtNightUntilEight() {
        consentTo(member, "SMS");
        clock.set(ZonedDateTime.of(2026, 11, 25, 22, 0, 0, 0, SHANGHAI).toInstant());
        assertDenied(permit(member.id(), "SMS", campaign()), "QUIET_HOURS");
        clock.set(ZonedDateTime.of(2026, 11, 26, 7, 59, 59, 0, SHANGHAI).toInstant());
        assertDenied(permit(member.id(), "SMS", campaign()), "QUIET_HOURS");
        clock.set(ZonedDateTime.of(2026, 11, 26, 8, 0, 0, 0, SHANGHAI).toInstant());
        assertThat(permit(member.id(), "SMS", campaign()).body().path("granted").asBoolean()).isTrue();
        assertThat(logged(member)).as("denials are not logged as grants").isEqualTo(1);
    }

    @Test
    void tenConcurrentPermitsForOneMemberGrantExactlyThree() throws Exception {
        consentTo(member, "SMS", "APP_PUSH");
        List<MallHttp.Response> answers = concurrently(10,
                i -> permit(member.id(), i % 2 == 0 ? "SMS" : "APP_PUSH", campaign()));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(answers).filteredOn(r -> r.body().path("granted").asBoolean()).hasSize(3);
        assertThat(answers).filteredOn(r -> !r.body().path("granted").asBoolean())
                .hasSize(7).allSatisfy(r -> assertThat(r.text("reason")).isEqualTo("DAILY_CAP"));
        assertThat(logged(member)).isEqualTo(3);
    }

    @Test
    void concurrentRetriesOfOneCampaignGrantOnce() throws Exception {
        consentTo(member, "SMS");
        long campaign = campaign();
        List<MallHttp.Response> answers = concurrently(8, i -> permit(member.id(), "SMS", campaign));
        assertThat(answers).allSatisfy(r -> assertThat(r.body().path("granted").asBoolean()).as(r.toString()).isTrue());
        assertThat(answers.stream().map(r -> r.number("permitId")).distinct()).hasSize(1);
        assertThat(logged(member)).isEqualTo(1);
    }

    @Test
    void theFourthPermitOfADayIsDeniedAndTheNextDayOpensAgainUpToTenInSevenDays() {
        consentTo(member, "SMS");
        for (int i = 0; i < 3; i++) {
            assertThat(permit(member.id(), "SMS", campaign()).body().path("granted").asBoolean()).isTrue();
        }
        assertDenied(permit(member.id(), "SMS", campaign()), "DAILY_CAP");

        LocalDate today = LocalDate.of(2026, 11, 25);
        grantedOn(member, today.minusDays(1), 3);
        grantedOn(member, today.minusDays(2), 3);
        clock.set(AFTERNOON.plus(java.time.Duration.ofDays(1)));
        assertThat(permit(member.id(), "SMS", campaign()).body().path("granted").asBoolean())
                .as("9 in the last 7 days, 0 today").isTrue();
        assertDenied(permit(member.id(), "SMS", campaign()), "WEEKLY_CAP");

        clock.set(AFTERNOON.plus(java.time.Duration.ofDays(5)));
        assertThat(permit(member.id(), "SMS", campaign()).body().path("granted").asBoolean())
                .as("the 23rd left the rolling week (24th–30th: 7 grants)").isTrue();
    }

    @Test
    void aMemberWhoAskedToBeDeletedIsNeverReachedEvenByAnEarlierCampaign() {
        consentTo(member, "SMS");
        long earlier = campaign();
        assertThat(permit(member.id(), "SMS", earlier).body().path("granted").asBoolean()).isTrue();

        assertThat(api.http.post("/api/v1/members/me/deletion", null, member.token()).status()).isEqualTo(202);
        assertDenied(permit(member.id(), "SMS", campaign()), "DELETION_PENDING");
        assertDenied(permit(member.id(), "SMS", earlier), "DELETION_PENDING");
        assertThat(api.delete("/api/v1/members/me/deletion", member.token()).status()).isEqualTo(204);
        assertThat(permit(member.id(), "SMS", earlier).body().path("granted").asBoolean()).as("cancelled").isTrue();

        jdbc.update("UPDATE member SET deleted_at = NOW(3) WHERE id = ?", member.id());
        assertDenied(permit(member.id(), "SMS", campaign()), "MEMBER_DELETED");
        assertDenied(permit(member.id(), "SMS", earlier), "MEMBER_DELETED");
    }

    @Test
    void badPermitRequestsAreRejectedAndLogNothing() {
        consentTo(member, "SMS");
        String path = "/internal/reach/permits";
        assertProblem(api.http.post(path, Map.of("memberId", member.id(), "channel", "FAX", "campaignId", 1), admin),
                400, "CHANNEL_INVALID");
        assertProblem(api.http.post(path, Map.of("memberId", member.id(), "channel", "SMS"), admin), 400,
                "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("memberId", member.id(), "channel", "SMS", "campaignId", -1), admin),
                400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("channel", "SMS", "campaignId", 1), admin), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(path, Map.of("memberId", "x", "channel", "SMS", "campaignId", 1), admin), 400,
                "MALFORMED_REQUEST");
        assertProblem(permit(1, "SMS", campaign()), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.post(path, Map.of("memberId", member.id(), "channel", "SMS", "campaignId", 1),
                member.token()), 403, "FORBIDDEN");
        assertProblem(api.http.post(path, Map.of("memberId", member.id(), "channel", "SMS", "campaignId", 1), null),
                401, "UNAUTHORIZED");
        assertThat(logged(member)).isZero();
    }

    @Test
    void badConsentChangesAreRejectedAndChangeNothing() {
        String path = "/api/v1/members/me/consents";
        assertProblem(api.put(path, Map.of("SMS", true, "FAX", true), member.token()), 400, "CHANNEL_INVALID");
        assertProblem(api.put(path, Map.of(), member.token()), 400, "CONSENTS_EMPTY");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("SMS", null);
        assertProblem(api.put(path, withNull, member.token()), 400, "CONSENT_INVALID");
        assertProblem(api.put(path, Map.of("SMS", List.of(1)), member.token()), 400, "MALFORMED_REQUEST");
        assertProblem(api.put(path, Map.of("SMS", true), admin), 403, "FORBIDDEN");
        assertProblem(api.put(path, Map.of("SMS", true), null), 401, "UNAUTHORIZED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_consent WHERE member_id = ?", Integer.class,
                member.id())).isZero();

        MemberApi.LoggedIn other = api.newMember();
        consentTo(other, "SMS");
        assertThat(consentMap(api.http.get(path, member.token()))).as("consents are per member")
                .containsEntry("SMS", false);
    }

    // ---- steps

    private MallHttp.Response permit(long memberId, String channel, long campaignId) {
        return api.http.post("/internal/reach/permits",
                Map.of("memberId", memberId, "channel", channel, "campaignId", campaignId), admin);
    }

    private void consentTo(MemberApi.LoggedIn m, String... channels) {
        Map<String, Boolean> change = new HashMap<>();
        for (String channel : channels) {
            change.put(channel, true);
        }
        MallHttp.Response answer = api.put("/api/v1/members/me/consents", change, m.token());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private void grantedOn(MemberApi.LoggedIn m, LocalDate day, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update("INSERT INTO reach_log (id, member_id, channel, campaign_id, reach_date, granted_at) "
                    + "VALUES (?, ?, 'SMS', ?, ?, NOW(3))", IdWorker.getId(), m.id(), campaign(), Date.valueOf(day));
        }
    }

    private int logged(MemberApi.LoggedIn m) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reach_log WHERE member_id = ?", Integer.class, m.id());
    }

    private static void assertDenied(MallHttp.Response answer, String reason) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body().path("granted").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.text("reason")).isEqualTo(reason);
        assertThat(answer.body().path("permitId").isNull()).isTrue();
    }

    private static Map<String, Boolean> consentMap(MallHttp.Response answer) {
        Map<String, Boolean> map = new java.util.LinkedHashMap<>();
        for (JsonNode consent : answer.body()) {
            map.put(consent.path("channel").asString(), consent.path("granted").asBoolean());
        }
        return map;
    }

    private static long campaign() {
        return IdWorker.getId();
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
