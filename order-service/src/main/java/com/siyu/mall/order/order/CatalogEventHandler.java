package com.siyu.mall.order.order;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.contracts.catalog.InventoryReservationFailed;
import com.siyu.mall.contracts.catalog.InventoryReserved;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class CatalogEventHandler {

    private final EventJson events;
    private final Inbox inbox;
    private final OrderService orders;

    CatalogEventHandler(EventJson events, Inbox inbox, OrderService orders) {
        this.events = events;
        this.inbox = inbox;
        this.orders = orders;
    }

    @KafkaListener(topics = Topics.CATALOG)
    void on(String message) {
        EventEnvelope event = events.read(message);
        switch (event.eventType()) {
            case "InventoryReserved" -> inbox.once(event,
                    () -> orders.onReserved(events.payload(event, InventoryReserved.class).orderId()));
            case "InventoryReservationFailed" -> inbox.once(event,
                    () -> orders.onReservationFailed(events.payload(event, InventoryReservationFailed.class).orderId()));
            default -> { }
        }
    }
}
