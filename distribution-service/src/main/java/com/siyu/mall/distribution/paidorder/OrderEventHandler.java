package com.siyu.mall.distribution.paidorder;

import com.siyu.mall.common.event.EventEnvelope;
import com.siyu.mall.common.event.EventJson;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.inbox.Inbox;
import com.siyu.mall.contracts.order.OrderPaid;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventHandler {

    private final EventJson events;
    private final Inbox inbox;
    private final PaidOrders paidOrders;

    OrderEventHandler(EventJson events, Inbox inbox, PaidOrders paidOrders) {
        this.events = events;
        this.inbox = inbox;
        this.paidOrders = paidOrders;
    }

    @KafkaListener(topics = Topics.ORDER)
    void on(String message) {
        EventEnvelope event = events.read(message);
        if (event.eventType().equals("OrderPaid")) {
            inbox.once(event, () -> paidOrders.record(events.payload(event, OrderPaid.class)));
        }
    }
}
