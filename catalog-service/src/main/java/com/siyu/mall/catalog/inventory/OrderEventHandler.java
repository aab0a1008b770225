package com.siyu.mall.catalog.inventory;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderPaid;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Order events, each applied once: created → reserve, cancelled → release, paid → confirm. */
@Component
class OrderEventHandler {

    private final EventJson events;
    private final Inbox inbox;
    private final Inventory inventory;

    OrderEventHandler(EventJson events, Inbox inbox, Inventory inventory) {
        this.events = events;
        this.inbox = inbox;
        this.inventory = inventory;
    }

    @KafkaListener(topics = Topics.ORDER)
    void on(String message) {
        EventEnvelope event = events.read(message);
        switch (event.eventType()) {
            case "OrderCreated" -> inbox.once(event, () -> {
                OrderCreated created = events.payload(event, OrderCreated.class);
                inventory.reserve(created.orderId(), created.lines());
            });
            case "OrderCancelled" -> inbox.once(event, () -> {
                OrderCancelled cancelled = events.payload(event, OrderCancelled.class);
                inventory.release(cancelled.orderId(), "order cancelled: " + cancelled.reason());
            });
            case "OrderPaid" -> inbox.once(event, () -> inventory.confirm(events.payload(event, OrderPaid.class).orderId()));
            default -> { }
        }
    }
}
