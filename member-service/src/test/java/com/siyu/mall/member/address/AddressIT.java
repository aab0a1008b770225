package com.siyu.mall.member.address;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MemberApi;
import java.util.ArrayList;
import java.util.HashMap;
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
class AddressIT {

    static final String PATH = "/api/v1/members/me/addresses";
    static final String PHONE = "13712345678";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    MemberApi api;
    MemberApi.LoggedIn member;

    @BeforeEach
    void setUp() {
        api = new MemberApi(port, context);
        member = api.newMember();
    }

    static Map<String, Object> address(String receiver, Boolean isDefault) {
        Map<String, Object> body = new HashMap<>(Map.of("receiverName", receiver, "phone", PHONE, "province", "浙江省",
                "city", "杭州市", "district", "西湖区", "detail", "文三路 100 号 5 幢 302"));
        if (isDefault != null) {
            body.put("isDefault", isDefault);
        }
        return body;
    }

    @Test
    void theFirstAddressIsTheDefaultAndThePhoneIsMasked() {
        MallHttp.Response created = create(address("张三", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().path("id").isString()).isTrue();
        assertThat(created.body().path("isDefault").asBoolean()).isTrue();
        assertThat(created.text("phone")).isEqualTo("137****5678");
        assertThat(created.text("receiverName")).isEqualTo("张三");
        assertThat(created.raw()).doesNotContain(PHONE);
    }

    @Test
    void thereIsAlwaysExactlyOneDefault() {
        String first = create(address("一", null)).text("id");
        String second = create(address("二", false)).text("id");
        String third = create(address("三", true)).text("id");
        assertThat(defaults()).containsExactly(third);

        assertThat(api.put(PATH + "/" + second, address("二改", true), member.token()).status()).isEqualTo(200);
        assertThat(defaults()).containsExactly(second);

        assertProblem(api.put(PATH + "/" + second, address("二", false), member.token()), 409, "ADDRESS_DEFAULT_REQUIRED");
        assertThat(defaults()).containsExactly(second);

        assertThat(api.delete(PATH + "/" + second, member.token()).status()).isEqualTo(204);
        assertThat(defaults()).as("the newest remaining address became the default").containsExactly(third);
        assertThat(list()).extracting(a -> a.path("id").asString()).containsExactly(third, first);
    }

    @Test
    void updateReplacesTheAddress() {
        String id = create(address("张三", null)).text("id");
        Map<String, Object> changed = address("李四", null);
        changed.put("phone", "13900001111");
        MallHttp.Response updated = api.put(PATH + "/" + id, changed, member.token());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("receiverName")).isEqualTo("李四");
        assertThat(updated.text("phone")).isEqualTo("139****1111");
        assertThat(updated.body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void anotherMembersAddressIsNotFound() {
        String id = create(address("张三", null)).text("id");
        MemberApi.LoggedIn other = api.newMember();

        assertProblem(api.put(PATH + "/" + id, address("偷", true), other.token()), 404, "ADDRESS_NOT_FOUND");
        assertProblem(api.delete(PATH + "/" + id, other.token()), 404, "ADDRESS_NOT_FOUND");
        assertThat(api.http.get(PATH, other.token()).body().size()).isZero();
        assertThat(list()).singleElement().satisfies(a -> assertThat(a.path("receiverName").asString()).isEqualTo("张三"));
        assertProblem(api.delete(PATH + "/123", member.token()), 404, "ADDRESS_NOT_FOUND");
    }

    @Test
    void aMemberKeepsAtMostTwentyAddresses() {
        for (int i = 0; i < 20; i++) {
            assertThat(create(address("收件人" + i, null)).status()).isEqualTo(201);
        }
        assertProblem(create(address("二十一", true)), 409, "ADDRESS_LIMIT_REACHED");
        assertThat(list()).hasSize(20);
        assertThat(defaults()).hasSize(1);
    }

    @Test
    void concurrentDefaultAddressesLeaveExactlyOneDefault() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<MallHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String receiver = "并发" + i;
                calls.add(() -> create(address(receiver, true)));
            }
            for (Future<MallHttp.Response> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().status()).as(answer.get().toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(list()).hasSize(10);
        assertThat(defaults()).hasSize(1);
    }

    @Test
    void badInputIsRejectedAndChangesNothing() {
        String id = create(address("张三", null)).text("id");
        String before = api.http.get(PATH, member.token()).raw();

        Map<String, Object> badPhone = address("张三", null);
        badPhone.put("phone", "12345");
        assertProblem(create(badPhone), 400, "VALIDATION_FAILED");
        Map<String, Object> noDetail = address("张三", null);
        noDetail.remove("detail");
        assertProblem(create(noDetail), 400, "VALIDATION_FAILED");
        assertProblem(create(address(" ", null)), 400, "VALIDATION_FAILED");
        assertProblem(create("[1,2"), 400, "MALFORMED_REQUEST");
        assertProblem(api.put(PATH + "/" + id, badPhone, member.token()), 400, "VALIDATION_FAILED");
        assertProblem(api.put(PATH + "/abc", address("张三", null), member.token()), 400, "PARAMETER_INVALID");

        assertThat(api.http.get(PATH, member.token()).raw()).isEqualTo(before);
    }

    @Test
    void theRawTableHoldsNoPlaintextPii() {
        create(address("王小明", null));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM member_address WHERE member_id = ?", member.id());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.values()).allSatisfy(value ->
                assertThat(String.valueOf(value)).doesNotContain(PHONE).doesNotContain("王小明").doesNotContain("文三路")));
    }

    private MallHttp.Response create(Object body) {
        return api.http.post(PATH, body, member.token());
    }

    private List<JsonNode> list() {
        MallHttp.Response response = api.http.get(PATH, member.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.body().forEach(items::add);
        return items;
    }

    private List<String> defaults() {
        return list().stream().filter(a -> a.path("isDefault").asBoolean()).map(a -> a.path("id").asString()).toList();
    }
}
