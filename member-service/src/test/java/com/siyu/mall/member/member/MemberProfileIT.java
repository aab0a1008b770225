package com.siyu.mall.member.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.member.auth.MemberSteps;
import com.siyu.mall.common.pii.PiiCipher;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@MallIntegrationTest
class MemberProfileIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiCipher pii;

    MallHttp http;
    MemberSteps steps;

    @BeforeEach
    void setUp() {
        http = new MallHttp("http://localhost:" + port);
        steps = new MemberSteps(http, context);
    }

    @Test
    void meShowsTheMemberWithAMaskedPhone() {
        String phone = MemberSteps.newPhone();
        MallHttp.Response login = steps.loggedIn(phone, null);

        MallHttp.Response me = http.get("/api/v1/members/me", login.text("accessToken"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().get("memberId").isString()).isTrue();
        assertThat(me.text("memberId")).isEqualTo(login.text("memberId"));
        assertThat(me.text("phone")).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(me.raw()).doesNotContain(phone);
        assertThat(me.text("nickname")).endsWith(phone.substring(7));
        assertThat(me.text("inviteCode")).matches("[2-9A-Z]{8}");
        assertThat(OffsetDateTime.parse(me.text("createdAt"))).isNotNull();
    }

    @Test
    void everyMemberGetsTheirOwnInviteCode() {
        String first = http.get("/api/v1/members/me", steps.newMember().text("accessToken")).text("inviteCode");
        String second = http.get("/api/v1/members/me", steps.newMember().text("accessToken")).text("inviteCode");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void thePhoneIsStoredEncryptedAndFoundByItsKeyedHash() {
        String phone = MemberSteps.newPhone();
        String memberId = steps.loggedIn(phone, null).text("memberId");

        Map<String, Object> row = jdbc.queryForMap("SELECT phone_cipher, phone_hash FROM member WHERE id = ?", Long.parseLong(memberId));
        assertThat(row.values()).allSatisfy(value -> assertThat(value.toString()).doesNotContain(phone));
        assertThat(pii.decrypt((String) row.get("phone_cipher"))).isEqualTo(phone);
        assertThat(row.get("phone_hash")).isEqualTo(pii.hash(phone));
    }
}
