package com.siyu.mall.member.segment;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.contracts.catalog.ProductChanged;
import com.siyu.mall.contracts.catalog.ProductPublished;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns which category each product (SPU) is in, for preference tags. Each event is applied once (inbox). Events of
 * one product can arrive out of order across relays, so an older event never overwrites a newer one.
 */
@Component
class CatalogEventHandler {

    private final EventJson events;
    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    CatalogEventHandler(EventJson events, Inbox inbox, JdbcTemplate jdbc) {
        this.events = events;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.CATALOG, groupId = "${spring.application.name}")
    void on(String message) {
        EventEnvelope event = events.read(message);
        switch (event.eventType()) {
            case "ProductPublished" -> inbox.once(event, () -> published(events.payload(event, ProductPublished.class),
                    event.occurredAt()));
            case "ProductChanged" -> inbox.once(event, () -> changed(events.payload(event, ProductChanged.class),
                    event.occurredAt()));
            default -> { }
        }
    }

    private void published(ProductPublished product, Instant occurredAt) {
        category(product.spuId(), product.categoryId(), occurredAt);
    }

    private void changed(ProductChanged product, Instant occurredAt) {
        category(product.spuId(), product.categoryId(), occurredAt);
    }

    private void category(long spuId, Long categoryId, Instant occurredAt) {
        Timestamp at = Timestamp.from(occurredAt == null ? Instant.now() : occurredAt);
        jdbc.update("INSERT INTO catalog_spu (spu_id, category_id, source_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "category_id = IF(VALUES(source_at) >= source_at, VALUES(category_id), category_id), "
                + "source_at = GREATEST(source_at, VALUES(source_at))", spuId, categoryId, at);
    }
}
