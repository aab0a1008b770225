package com.siyu.mall.catalog.product;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Catalog's own product events, read by every replica: each one has its own consumer group (a random suffix) that
 * starts at the end of the topic, so all replicas drop cached views and refresh their search index, whichever
 * replica made the change. Nothing is stored, so redelivery is harmless. {@code fetch.max.wait.ms} is short so
 * that a change reaches every replica well within a second.
 */
@Component
class CatalogEventHandler {

    private static final Logger log = LoggerFactory.getLogger(CatalogEventHandler.class);

    static final String LISTENER_ID = "catalog-views";
    private static final Set<String> PRODUCT_EVENTS =
            Set.of("ProductPublished", "ProductChanged", "ProductUnpublished", "PriceChanged");

    private final EventJson events;
    private final ProductChanges changes;

    CatalogEventHandler(EventJson events, ProductChanges changes) {
        this.events = events;
        this.changes = changes;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.CATALOG, idIsGroup = false, concurrency = "1",
            groupId = "${mall.catalog.views-group:catalog-service-views-${random.uuid}}",
            properties = {"auto.offset.reset=latest", "fetch.max.wait.ms=100"})
    void on(String message) {
        try {
            EventEnvelope event = events.read(message);
            if (PRODUCT_EVENTS.contains(event.eventType())) {
                changes.changed(List.of(Long.parseLong(event.aggregateId())));
            }
        } catch (RuntimeException e) {
            // every replica would dead-letter its own copy; the views are repaired by the TTL and the periodic rebuild
            log.warn("catalog event not applied to this replica's views: {}", e.toString());
        }
    }
}
