package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The local stack's MALL_SMS_FIXED_CODE: every code is the configured one. */
@MallIntegrationTest(properties = "mall.sms.fixed-code=123456")
class FixedSmsCodeIT {

    @LocalServerPort
    int port;

    @Test
    void theConfiguredFixedCodeLogsIn() {
        MallHttp http = new MallHttp("http://localhost:" + port);
        String phone = MemberSteps.newPhone();
        assertThat(http.post("/api/v1/auth/sms-codes", Map.of("phone", phone), null).status()).isEqualTo(202);

        assertThat(http.post("/api/v1/auth/login", Map.of("phone", phone, "code", "654321"), null).code())
                .isEqualTo("SMS_CODE_INVALID");
        MallHttp.Response login = http.post("/api/v1/auth/login", Map.of("phone", phone, "code", "123456"), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.text("memberId")).isNotBlank();
    }
}
