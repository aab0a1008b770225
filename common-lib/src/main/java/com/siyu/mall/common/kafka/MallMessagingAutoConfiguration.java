package com.siyu.mall.common.kafka;

import com.siyu.mall.common.error.Transients;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.common.outbox.OutboxProperties;
import com.siyu.mall.common.outbox.OutboxRelay;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/** Outbox, inbox, topics, dead letters and Kafka readiness: services write only their business code. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class MallMessagingAutoConfiguration {

    @Bean
    EventJson eventJson(JsonMapper json) {
        return new EventJson(json);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txm, KafkaTemplate<String, String> kafka,
            OutboxProperties props) {
        return new OutboxRelay(jdbc, new TransactionTemplate(txm), kafka, props);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EventJson events, OutboxRelay relay) {
        return new Outbox(jdbc, events, relay);
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc, PlatformTransactionManager txm) {
        return new Inbox(jdbc, new TransactionTemplate(txm));
    }

    @Bean
    KafkaAdmin.NewTopics mallTopics(@Value("${mall.kafka.partitions:6}") int partitions,
            @Value("${mall.kafka.replicas:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, replicas));
            topics.add(new NewTopic(Topics.deadLetter(topic), 1, replicas));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Retries with backoff, then parks the record on {@code <topic>.DLT}: one poison message never blocks a partition. */
    @Bean
    CommonErrorHandler mallKafkaErrorHandler(KafkaTemplate<String, String> kafka,
            @Value("${mall.kafka.max-retries:4}") int maxRetries) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
        backOff.setInitialInterval(200);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // the database being away is not the message's fault: keep retrying it rather than parking it on the DLT
        // (the faults drill found an order stuck in PENDING_STOCK when a DB outage sent its OrderCreated there)
        handler.setBackOffFunction((record, e) -> Transients.isDatabaseUnavailable(e)
                ? new FixedBackOff(2_000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
