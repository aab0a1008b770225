package com.siyu.mall.catalog.recommend;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.contracts.order.OrderPaid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from {@code OrderPaid} for recommendations, in its own consumer group ({@code catalog-service-recommend}),
 * so learning never slows down or blocks reservations, and a reservation failure never loses learning. Idempotent by
 * order id ({@code recommend_learned_order}). An event that is not readable is skipped here: the reservation
 * consumer is the one that parks poison events on the DLT.
 */
@Component
class PurchaseLearningEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PurchaseLearningEventHandler.class);

    private final EventJson events;
    private final PurchaseLearning learning;

    PurchaseLearningEventHandler(EventJson events, PurchaseLearning learning) {
        this.events = events;
        this.learning = learning;
    }

    @KafkaListener(topics = Topics.ORDER, groupId = "${spring.application.name}-recommend")
    void on(String message) {
        OrderPaid paid;
        try {
            EventEnvelope event = events.read(message);
            if (!"OrderPaid".equals(event.eventType())) {
                return;
            }
            paid = events.payload(event, OrderPaid.class);
        } catch (RuntimeException unreadable) {
            log.warn("recommendations skip an unreadable order event: {}", unreadable.toString());
            return;
        }
        learning.learn(paid);
    }
}
