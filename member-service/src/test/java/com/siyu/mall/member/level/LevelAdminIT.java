package com.siyu.mall.member.level;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Edits only tiers above the defaults (and puts V4 back), so other tests keep seeing the seeded V0–V4. */
@MallIntegrationTest
class LevelAdminIT {

    static final String PATH = "/admin/v1/member-levels";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    MemberApi api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        admin = api.adminToken();
    }

    static Map<String, Object> level(String code, long threshold) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "名" + code, "growthThreshold", threshold,
                "discountPercent", 12, "pointsMultiplier", 2.5, "freeShipping", true));
        if (code != null) {
            body.put("code", code);
        }
        return body;
    }

    @Test
    void theDefaultTiersAreSeeded() {
        MallHttp.Response list = api.http.get(PATH, admin);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body().valueStream().map(l -> l.path("code").asString()).toList())
                .startsWith("V0", "V1", "V2", "V3", "V4");
        assertThat(list.body().valueStream().map(l -> l.path("growthThreshold").asLong()).toList())
                .startsWith(0L, 500L, 2000L, 5000L, 20000L);
        assertThat(list.body().get(3).path("benefits").path("freeShipping").asBoolean()).isTrue();
        assertThat(list.body().get(0).path("benefits").path("pointsMultiplier").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void anAdminAddsChangesAndDeletesATier() {
        Map<String, Object> v9 = level("V9", 900_000);
        v9.put("birthdayCouponTemplateId", "7001");
        MallHttp.Response created = api.http.post(PATH, v9, admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("benefits").path("birthdayCouponTemplateId").asString()).isEqualTo("7001");

        assertProblem(api.http.post(PATH, level("V9", 950_000), admin), 409, "LEVEL_EXISTS");

        MallHttp.Response updated = api.put(PATH + "/V9", level(null, 950_000), admin);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.number("growthThreshold")).isEqualTo(950_000);
        assertThat(updated.body().path("benefits").path("birthdayCouponTemplateId").isNull()).isTrue();

        assertThat(api.delete(PATH + "/V9", admin).status()).isEqualTo(204);
        assertProblem(api.delete(PATH + "/V9", admin), 404, "LEVEL_NOT_FOUND");
        assertThat(api.http.get(PATH, admin).raw()).doesNotContain("V9");
    }

    @Test
    void thresholdsMustStrictlyIncreaseWithTheTierNumber() {
        String before = api.http.get(PATH, admin).raw();
        assertProblem(api.http.post(PATH, level("V9", 20_000), admin), 409, "LEVEL_THRESHOLDS_NOT_INCREASING");
        assertProblem(api.http.post(PATH, level("V9", 100), admin), 409, "LEVEL_THRESHOLDS_NOT_INCREASING");
        assertProblem(api.put(PATH + "/V4", level(null, 5000), admin), 409, "LEVEL_THRESHOLDS_NOT_INCREASING");
        assertProblem(api.put(PATH + "/V0", level(null, 1), admin), 409, "LEVEL_BASE_PROTECTED");
        assertThat(api.http.get(PATH, admin).raw()).isEqualTo(before);
    }

    @Test
    void v0CannotBeDeleted() {
        assertProblem(api.delete(PATH + "/V0", admin), 409, "LEVEL_BASE_PROTECTED");
        assertThat(api.http.get(PATH, admin).raw()).contains("\"V0\"");
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        String before = api.http.get(PATH, admin).raw();
        assertProblem(api.http.post(PATH, level("X1", 900_000), admin), 400, "VALIDATION_FAILED");
        assertProblem(api.http.post(PATH, level(null, 900_000), admin), 400, "LEVEL_CODE_REQUIRED");
        Map<String, Object> discount = level("V9", 900_000);
        discount.put("discountPercent", 95);
        assertProblem(api.http.post(PATH, discount, admin), 400, "VALIDATION_FAILED");
        Map<String, Object> multiplier = level("V9", 900_000);
        multiplier.put("pointsMultiplier", 1.234);
        assertProblem(api.http.post(PATH, multiplier, admin), 400, "VALIDATION_FAILED");
        Map<String, Object> negative = level("V9", -1);
        assertProblem(api.http.post(PATH, negative, admin), 400, "VALIDATION_FAILED");
        Map<String, Object> noName = level("V9", 900_000);
        noName.remove("name");
        assertProblem(api.http.post(PATH, noName, admin), 400, "VALIDATION_FAILED");
        assertProblem(api.put(PATH + "/V8", level(null, 900_000), admin), 404, "LEVEL_NOT_FOUND");
        assertThat(api.http.get(PATH, admin).raw()).isEqualTo(before);
    }

    @Test
    void membersCannotEditTiers() {
        MemberApi.LoggedIn member = api.newMember();
        assertProblem(api.http.post(PATH, level("V9", 900_000), member.token()), 403, "FORBIDDEN");
        assertProblem(api.http.get(PATH, null), 401, "UNAUTHORIZED");
    }

    @Test
    void aMemberSeesTheirTierProgressAndBenefits() {
        MemberApi.LoggedIn member = api.newMember();
        MallHttp.Response level = api.http.get("/api/v1/members/me/level", member.token());
        assertThat(level.status()).as(level.toString()).isEqualTo(200);
        assertThat(level.text("level")).isEqualTo("V0");
        assertThat(level.number("growth")).isZero();
        assertThat(level.number("progressPercent")).isZero();
        assertThat(level.body().path("next").path("level").asString()).isEqualTo("V1");
        assertThat(level.body().path("next").path("growthNeeded").asLong()).isEqualTo(500);
        assertThat(level.body().path("benefits").path("discountPercent").asInt()).isZero();
        assertThat(level.body().path("benefits").has("freeShipping")).isTrue();
    }
}
