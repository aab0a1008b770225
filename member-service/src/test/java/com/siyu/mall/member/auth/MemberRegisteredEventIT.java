package com.siyu.mall.member.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.testsupport.MallHttp;
import com.siyu.mall.common.testsupport.MallInfrastructure;
import com.siyu.mall.common.testsupport.MallIntegrationTest;
import com.siyu.mall.common.pii.PiiCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MallIntegrationTest
class MemberRegisteredEventIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiCipher pii;

    @Test
    void registrationPublishesMemberRegisteredWithTheInviter() {
        MemberSteps steps = new MemberSteps(new MallHttp("http://localhost:" + port), context);
        MallHttp.Response inviter = steps.newMember();
        String inviteCode = new MallHttp("http://localhost:" + port).get("/api/v1/members/me",
                inviter.text("accessToken")).text("inviteCode");

        MallHttp.Response invited = steps.loggedIn(MemberSteps.newPhone(), inviteCode);

        JsonNode inviterEvent = awaitEvent(inviter.text("memberId"));
        assertThat(inviterEvent.path("payload").path("memberId").asString()).isEqualTo(inviter.text("memberId"));
        assertThat(inviterEvent.path("payload").path("inviterId").isNull()).isTrue();

        JsonNode invitedEvent = awaitEvent(invited.text("memberId"));
        assertThat(invitedEvent.path("eventType").asString()).isEqualTo("MemberRegistered");
        assertThat(invitedEvent.path("aggregateType").asString()).isEqualTo("Member");
        assertThat(invitedEvent.path("payload").path("inviterId").asString()).isEqualTo(inviter.text("memberId"));
    }

    @Test
    void aReturningMemberPublishesNothingNew() {
        MemberSteps steps = new MemberSteps(new MallHttp("http://localhost:" + port), context);
        String phone = MemberSteps.newPhone();
        String memberId = steps.loggedIn(phone, null).text("memberId");
        awaitEvent(memberId);

        jdbc.update("UPDATE sms_code SET sent_at = sent_at - INTERVAL 61 SECOND WHERE phone_hash = ?", pii.hash(phone));
        steps.loggedIn(phone, null);

        Integer events = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE msg_key = ?", Integer.class, memberId);
        assertThat(events).isEqualTo(1);
    }

    /** The MemberRegistered envelope for {@code memberId}, read from Kafka by a fresh consumer group. */
    private static JsonNode awaitEvent(String memberId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MallInfrastructure.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "member-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.MEMBER));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode envelope = JSON.readTree(record.value());
                    if (memberId.equals(record.key()) && "MemberRegistered".equals(envelope.path("eventType").asString())) {
                        return envelope;
                    }
                }
            }
        }
        return fail("no MemberRegistered for member " + memberId + " on " + Topics.MEMBER + " within 30 s");
    }
}
