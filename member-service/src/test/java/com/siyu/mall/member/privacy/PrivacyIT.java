package com.siyu.mall.member.privacy;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.EventCollector;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import com.siyu.mall.member.MovableClock;
import com.siyu.mall.member.auth.MemberSteps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@MallIntegrationTest
class PrivacyIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant AFTERNOON = ZonedDateTime.of(2026, 11, 25, 15, 0, 0, 0, SHANGHAI).toInstant();
    static final String ADDRESS_PHONE = "13712345678";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    DeletionJob deletionJob;
    @Autowired
    BirthdayJob birthdayJob;

    MemberApi api;
    MemberSteps steps;
    String phone;
    long memberId;
    String token;
    String refreshToken;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        steps = new MemberSteps(api.http, context);
        phone = MemberSteps.newPhone();
        MallHttp.Response login = steps.loggedIn(phone, null);
        memberId = Long.parseLong(login.text("memberId"));
        token = login.text("accessToken");
        refreshToken = login.text("refreshToken");
        admin = api.adminToken();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theExportHoldsEverythingAboutTheMemberDecryptedForThem() {
        aMemberWithHistory();
        MallHttp.Response export = api.http.post("/api/v1/members/me/data-export", null, token);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode doc = export.body();
        assertThat(doc.propertyNames()).contains("exportedAt", "profile", "level", "lifecycle", "addresses",
                "pointsLedger", "pointsReservations", "growthRecords", "signIns", "paidOrders", "consents",
                "consentRecords", "tags", "rfm", "reachLog", "birthdayGrants", "sessions", "deletionRequest");
        assertThat(doc.path("profile").path("memberId").asString()).isEqualTo(String.valueOf(memberId));
        assertThat(doc.path("profile").path("phone").asString()).as("the owner sees the full phone").isEqualTo(phone);
        assertThat(doc.path("profile").path("nickname").asString()).isEqualTo("小明");
        assertThat(doc.path("profile").path("birthday").asString()).isEqualTo("1990-06-15");
        assertThat(doc.path("level").path("code").asString()).isEqualTo("V0");
        JsonNode address = doc.path("addresses").get(0);
        assertThat(address.path("receiverName").asString()).isEqualTo("张三");
        assertThat(address.path("phone").asString()).isEqualTo(ADDRESS_PHONE);
        assertThat(address.path("detail").asString()).isEqualTo("人民路1号");
        assertThat(address.has("phoneCipher")).isFalse();
        assertThat(doc.path("pointsLedger")).hasSize(2);
        assertThat(doc.path("signIns")).hasSize(1);
        assertThat(doc.path("consents").get(0).path("granted").asBoolean()).as("SMS").isTrue();
        assertThat(doc.path("consentRecords")).hasSize(1);
        assertThat(doc.path("tags").get(0).path("tag").asString()).isEqualTo("导出测试");
        assertThat(doc.path("reachLog")).hasSize(1);
        assertThat(doc.path("reachLog").get(0).path("campaignId").isString()).as("ids are strings").isTrue();
        assertThat(doc.path("sessions")).hasSize(1);
        assertThat(doc.path("sessions").get(0).has("tokenHash")).as("no secrets").isFalse();

        MemberApi.LoggedIn other = api.newMember();
        MallHttp.Response theirs = api.http.post("/api/v1/members/me/data-export", null, other.token());
        assertThat(theirs.body().path("addresses")).as("only the caller's own data").isEmpty();
        assertThat(theirs.raw()).doesNotContain(phone).doesNotContain(ADDRESS_PHONE);
        assertProblem(api.http.post("/api/v1/members/me/data-export", null, admin), 403, "FORBIDDEN");
        assertProblem(api.http.post("/api/v1/members/me/data-export", null, null), 401, "UNAUTHORIZED");
    }

    @Test
    void noTableHoldsAPlaintextPhone() {
        aMemberWithHistory();
        assertThat(columnsContaining(phone)).isEmpty();
        assertThat(columnsContaining(ADDRESS_PHONE)).isEmpty();
    }

    @Test
    void aDeletionWaitsSevenDaysAndCanBeCancelled() {
        MallHttp.Response requested = api.http.post("/api/v1/members/me/deletion", null, token);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.text("status")).isEqualTo("REQUESTED");
        Instant due = Instant.parse(requested.text("dueAt"));
        assertThat(Duration.between(Instant.parse(requested.text("requestedAt")), due)).isEqualTo(Duration.ofDays(7));
        assertThat(api.http.post("/api/v1/members/me/deletion", null, token).text("dueAt"))
                .as("asking again keeps the first due time").isEqualTo(requested.text("dueAt"));

        deletionJob.run(due.minusSeconds(1));
        assertThat(deletedAt()).as("still cooling off").isNull();

        assertThat(api.delete("/api/v1/members/me/deletion", token).status()).isEqualTo(204);
        assertProblem(api.delete("/api/v1/members/me/deletion", token), 404, "DELETION_NOT_FOUND");
        deletionJob.run(due.plusSeconds(1));
        assertThat(deletedAt()).as("cancelled").isNull();
        assertThat(api.http.get("/api/v1/members/me", token).status()).isEqualTo(200);
        assertProblem(api.delete("/api/v1/members/me/deletion", admin), 403, "FORBIDDEN");
        assertProblem(api.http.post("/api/v1/members/me/deletion", null, null), 401, "UNAUTHORIZED");
    }

    @Test
    void aDueDeletionAnonymisesRevokesAndKeepsTheLedgersOnce() throws Exception {
        aMemberWithHistory();
        try (EventCollector memberEvents = EventCollector.of(Topics.MEMBER)) {
            MallHttp.Response requested = api.http.post("/api/v1/members/me/deletion", null, token);
            Instant due = Instant.parse(requested.text("dueAt"));
            assertThat(deletionJob.run(due)).isGreaterThanOrEqualTo(1);
            assertThat(deletionJob.run(due.plusSeconds(60))).as("carried out once").isZero();

            Map<String, Object> row = jdbc.queryForMap("SELECT phone_cipher, phone_hash, nickname, avatar_url, birthday, "
                    + "deleted_at FROM member WHERE id = ?", memberId);
            assertThat(row.get("phone_cipher")).isEqualTo("");
            assertThat(row.get("phone_hash").toString().trim()).isEqualTo("deleted-" + memberId);
            assertThat(row.get("nickname")).isEqualTo("已注销用户");
            assertThat(row.get("avatar_url")).isNull();
            assertThat(row.get("birthday")).isNull();
            assertThat(row.get("deleted_at")).isNotNull();
            for (String table : List.of("member_address", "member_consent", "consent_record", "member_tag")) {
                assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE member_id = ?")).as(table).isZero();
            }
            assertThat(count("SELECT COUNT(*) FROM refresh_token WHERE member_id = ? AND revoked_at IS NULL")).isZero();
            assertThat(count("SELECT COUNT(*) FROM points_ledger WHERE member_id = ?")).as("ledgers stay").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM reach_log WHERE member_id = ?")).isEqualTo(1);

            EventEnvelope deleted = memberEvents.await("MemberDeleted", memberId, Duration.ofSeconds(30));
            assertThat(deleted.payload().path("memberId").asLong()).isEqualTo(memberId);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE msg_key = ? AND event_type = "
                    + "'MemberDeleted'", Integer.class, String.valueOf(memberId))).isEqualTo(1);
        }

        assertProblem(api.http.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken), null), 401,
                "REFRESH_TOKEN_INVALID");
        assertProblem(api.http.get("/api/v1/members/me", token), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.patch("/api/v1/members/me", Map.of("nickname", "回来了"), token), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.post("/api/v1/members/me/data-export", null, token), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.http.get("/admin/v1/members/" + memberId, admin), 404, "MEMBER_NOT_FOUND");
        assertThat(api.http.post("/internal/reach/permits", Map.of("memberId", memberId, "channel", "SMS",
                "campaignId", IdWorker.getId()), admin).text("reason")).isEqualTo("MEMBER_DELETED");
        assertThat(api.http.get("/admin/v1/members?phone=" + phone, admin).body().path("items")).isEmpty();
        assertThat(columnsContaining(phone)).isEmpty();

        MallHttp.Response again = steps.loggedIn(phone, null);
        assertThat(again.text("memberId")).as("the phone no longer leads to the deleted member")
                .isNotEqualTo(String.valueOf(memberId));
    }

    @Test
    void theBirthdayJobGrantsPointsAndEmitsMemberBirthdayOncePerYear() throws Exception {
        assertThat(api.http.patch("/api/v1/members/me", Map.of("birthday", "1990-06-15"), token).status()).isEqualTo(200);
        Instant birthday2026 = ZonedDateTime.of(2026, 6, 15, 0, 10, 0, 0, SHANGHAI).toInstant();
        try (EventCollector memberEvents = EventCollector.of(Topics.MEMBER)) {
            assertThat(birthdayJob.run(birthday2026.minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(0);
            assertThat(available()).as("not the day before").isZero();
            assertThat(birthdayJob.run(birthday2026)).isGreaterThanOrEqualTo(1);
            birthdayJob.run(birthday2026.plus(Duration.ofHours(5)));
            assertThat(available()).as("once that year").isEqualTo(100);

            EventEnvelope event = memberEvents.await("MemberBirthday", memberId, Duration.ofSeconds(30));
            assertThat(event.payload().path("level").asString()).isEqualTo("V0");

            birthdayJob.run(birthday2026.plus(Duration.ofDays(365)));
            assertThat(available()).as("again the next year").isEqualTo(200);
        }
        assertThat(count("SELECT COUNT(*) FROM points_ledger WHERE member_id = ? AND kind = 'BIRTHDAY'")).isEqualTo(2);
    }

    // ---- steps

    /** Profile, an address, a sign-in, an SMS consent, a tag and a reach grant. */
    private void aMemberWithHistory() {
        assertThat(api.http.patch("/api/v1/members/me", Map.of("nickname", "小明", "birthday", "1990-06-15"), token)
                .status()).isEqualTo(200);
        MallHttp.Response address = api.http.post("/api/v1/members/me/addresses", Map.of("receiverName", "张三",
                "phone", ADDRESS_PHONE, "province", "浙江省", "city", "杭州市", "district", "西湖区", "detail", "人民路1号"),
                token);
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        assertThat(api.http.post("/api/v1/members/me/sign-ins", null, token).status()).isEqualTo(201);
        assertThat(api.http.post("/admin/v1/members/" + memberId + "/points-adjustments",
                Map.of("delta", 50, "reason", "导出"), admin).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/members/me/consents", Map.of("SMS", true), token).status()).isEqualTo(200);
        assertThat(api.http.post("/admin/v1/members/" + memberId + "/tags", Map.of("tag", "导出测试"), admin).status())
                .isEqualTo(201);
        clock.set(AFTERNOON);
        MallHttp.Response permit = api.http.post("/internal/reach/permits",
                Map.of("memberId", memberId, "channel", "SMS", "campaignId", IdWorker.getId()), admin);
        assertThat(permit.body().path("granted").asBoolean()).as(permit.toString()).isTrue();
        clock.reset();
    }

    /** Every text column of every table of the service's database that contains {@code text}. */
    private List<String> columnsContaining(String text) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name AS t, column_name AS c FROM "
                + "information_schema.columns WHERE table_schema = DATABASE() AND data_type IN "
                + "('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json')");
        for (Map<String, Object> column : columns) {
            String sql = "SELECT COUNT(*) FROM `" + column.get("t") + "` WHERE `" + column.get("c") + "` LIKE ?";
            Integer hits = jdbc.queryForObject(sql, Integer.class, "%" + text + "%");
            if (hits != null && hits > 0) {
                found.add(column.get("t") + "." + column.get("c"));
            }
        }
        return found;
    }

    private Object deletedAt() {
        return jdbc.queryForObject("SELECT deleted_at FROM member WHERE id = ?", Object.class, memberId);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, memberId);
    }

    private long available() {
        return api.http.get("/api/v1/members/me/points", token).number("available");
    }
}
