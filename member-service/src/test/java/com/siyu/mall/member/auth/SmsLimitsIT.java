package com.siyu.mall.member.auth;

import static com.siyu.mall.common.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.MovableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class SmsLimitsIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ExecutorService POOL = Executors.newFixedThreadPool(30);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MovableClock clock;

    MallHttp http;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theEleventhCodeOfAShanghaiDayIsRefusedUntilMidnight() throws Exception {
        String phone = MemberSteps.newPhone();
        // 08:00 Shanghai on a fixed day, one send every 61 s so the 60 s limit never applies
        Instant start = LocalDate.of(2031, 3, 3).atTime(8, 0).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < 10; i++) {
            clock.set(start.plusSeconds(61L * i));
            assertThat(send(phone, newIp()).status()).isEqualTo(202);
        }
        clock.set(start.plusSeconds(61L * 10));
        HttpResponse<String> eleventh = rawSend(phone, newIp());
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(eleventh.body()).contains("\"SMS_DAILY_LIMIT\"");
        long untilMidnight = Duration.between(clock.instant(),
                LocalDate.of(2031, 3, 4).atStartOfDay(SHANGHAI).toInstant()).toSeconds();
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValue(String.valueOf(untilMidnight));

        // the next Shanghai day starts afresh
        clock.set(LocalDate.of(2031, 3, 4).atStartOfDay(SHANGHAI).toInstant().plusSeconds(1));
        assertThat(send(phone, newIp()).status()).isEqualTo(202);
    }

    @Test
    void theTwentyFirstCodeFromOneAddressInAnHourIsRefused() throws Exception {
        String ip = newIp();
        for (int i = 0; i < 20; i++) {
            assertThat(send(MemberSteps.newPhone(), ip).status()).isEqualTo(202);
        }
        String phone = MemberSteps.newPhone();
        HttpResponse<String> refused = rawSend(phone, ip);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"SMS_IP_LIMIT\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(context.getBean(LogSmsSender.class).lastCode(phone)).isEmpty();
        // another address is not affected, and the refused phone can still get its code
        assertThat(send(phone, newIp()).status()).isEqualTo(202);
    }

    @Test
    void thirtyConcurrentSendsFromOneAddressLetExactlyTwentyThrough() {
        String ip = newIp();
        List<CompletableFuture<MallHttp.Response>> sends = IntStream.range(0, 30)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(MemberSteps.newPhone(), ip), POOL)).toList();
        List<MallHttp.Response> answers = sends.stream().map(CompletableFuture::join).toList();
        assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(20);
        assertThat(answers).filteredOn(r -> r.status() == 429).extracting(MallHttp.Response::code)
                .containsOnly("SMS_IP_LIMIT").hasSize(10);
    }

    @Test
    void theSixtyFirstLoginAttemptFromOneAddressInAnHourIsRefused() {
        String ip = newIp();
        for (int i = 0; i < 60; i++) {
            MallHttp.Response wrong = http.post("/api/v1/auth/login", Map.of("phone", MemberSteps.newPhone(),
                    "code", "000000"), null, Map.of("X-Forwarded-For", ip));
            assertThat(wrong.code()).isEqualTo("SMS_CODE_INVALID");
        }
        String phone = MemberSteps.newPhone();
        String code = steps.requestCode(phone);
        MallHttp.Response refused = http.post("/api/v1/auth/login", Map.of("phone", phone, "code", code), null,
                Map.of("X-Forwarded-For", ip + ", 10.0.0.1"));
        assertProblem(refused, 429, "LOGIN_IP_LIMIT");
        // the right code was not spent by the refused attempt
        assertThat(steps.login(phone, code, null).status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/auth/wechat-mini", Map.of("code", "wx-" + ip), null,
                Map.of("X-Forwarded-For", ip)), 429, "LOGIN_IP_LIMIT");
    }

    @Test
    void housekeepingDropsCountersOfLongGoneWindowsOnly() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String subject = "%064d".formatted(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        Instant now = Instant.now();
        jdbc.update("INSERT INTO auth_rate_counter (scope, subject_hash, window_start, hits) VALUES "
                + "('SMS_IP_HOUR', ?, ?, 3), ('SMS_IP_HOUR', ?, ?, 4)", subject,
                java.sql.Timestamp.from(now.minus(Duration.ofDays(4))), subject, java.sql.Timestamp.from(now));
        context.getBean(AuthHousekeeping.class).run(now);
        assertThat(jdbc.queryForList("SELECT hits FROM auth_rate_counter WHERE subject_hash = ?", Integer.class, subject))
                .containsExactly(4);
    }

    @Test
    void theSixtySecondLimitAnswersRetryAfter() throws Exception {
        String phone = MemberSteps.newPhone();
        steps.requestCode(phone);
        HttpResponse<String> again = rawSend(phone, newIp());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.body()).contains("\"SMS_TOO_FREQUENT\"");
        assertThat(again.headers().firstValue("Retry-After")).hasValue("60");
    }

    private MallHttp.Response send(String phone, String ip) {
        return http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null, Map.of("X-Forwarded-For", ip));
    }

    private HttpResponse<String> rawSend(String phone, String ip) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/sms-codes"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString(MallHttp.json(Map.of("phone", phone)))).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String newIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
