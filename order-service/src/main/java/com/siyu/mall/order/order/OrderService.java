package com.siyu.mall.order.order;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.contracts.catalog.PriceQuote;
import com.siyu.mall.contracts.catalog.PriceQuoteRequest;
import com.siyu.mall.contracts.order.OrderCancelled;
import com.siyu.mall.contracts.order.OrderCreated;
import com.siyu.mall.contracts.order.OrderLine;
import com.siyu.mall.contracts.order.OrderCompleted;
import com.siyu.mall.contracts.order.OrderPaid;
import com.siyu.mall.contracts.order.OrderShipped;
import com.siyu.mall.order.order.OrderRequests.PlaceOrderRequest;
import com.siyu.mall.order.order.OrderViews.AddressView;
import com.siyu.mall.order.order.OrderViews.LineView;
import com.siyu.mall.order.order.OrderViews.OrderPage;
import com.siyu.mall.order.order.OrderViews.OrderView;
import com.siyu.mall.order.order.OrderViews.PlacedOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
@EnableConfigurationProperties(OrderProperties.class)
public class OrderService {

    static final String AGGREGATE = "Order";
    private static final DateTimeFormatter ORDER_NO_DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.ofHours(8));
    private static final TypeReference<Map<String, String>> SPECS = new TypeReference<>() { };

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final Pricing pricing;
    private final Outbox outbox;
    private final PiiCipher pii;
    private final JsonMapper json;
    private final OrderProperties props;
    private final TransactionTemplate tx;

    OrderService(OrderMapper orders, OrderLineMapper lines, Pricing pricing, Outbox outbox, PiiCipher pii,
            JsonMapper json, OrderProperties props, TransactionTemplate tx) {
        this.orders = orders;
        this.lines = lines;
        this.pricing = pricing;
        this.outbox = outbox;
        this.pii = pii;
        this.json = json;
        this.props = props;
        this.tx = tx;
    }

    /** Accepts the order as PENDING_STOCK; a repeated Idempotency-Key returns the first result. */
    PlacedOrder place(long memberId, String idempotencyKey, PlaceOrderRequest request) {
        Optional<Order> earlier = byIdempotencyKey(memberId, idempotencyKey);
        if (earlier.isPresent()) {
            return new PlacedOrder(String.valueOf(earlier.get().getId()), OrderStatus.PENDING_STOCK.name());
        }
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        request.items().forEach(i -> quantities.merge(i.skuId(), i.quantity(), Integer::sum));
        if (quantities.values().stream().anyMatch(q -> q > 999)) {
            throw MallException.badRequest("QUANTITY_TOO_LARGE", "at most 999 of one SKU per order");
        }
        PriceQuote quote = pricing.quote(new PriceQuoteRequest(memberId, quantities.entrySet().stream()
                .map(e -> new PriceQuoteRequest.Line(e.getKey(), e.getValue())).toList()));
        try {
            return tx.execute(status -> insert(memberId, idempotencyKey, request, quote));
        } catch (DuplicateKeyException sameKeyRace) {
            Order first = byIdempotencyKey(memberId, idempotencyKey).orElseThrow(() -> sameKeyRace);
            return new PlacedOrder(String.valueOf(first.getId()), OrderStatus.PENDING_STOCK.name());
        }
    }

    private PlacedOrder insert(long memberId, String idempotencyKey, PlaceOrderRequest request, PriceQuote quote) {
        long id = IdWorker.getId();
        Instant now = Instant.now();
        String orderNo = ORDER_NO_DAY.format(now) + String.format("%012d", id % 1_000_000_000_000L);
        Order order = Order.place(id, orderNo, memberId, idempotencyKey, quote.totalFen(),
                pii.encrypt(json.writeValueAsString(request.address())), now);
        orders.insert(order);
        List<OrderLine> eventLines = quote.lines().stream().map(q -> {
            OrderLineRow row = OrderLineRow.of(id, q.skuId(), q.spuId(), q.title(), json.writeValueAsString(q.specs()),
                    q.quantity(), q.unitPriceFen(), q.priceRule());
            lines.insert(row);
            return row.contract();
        }).toList();
        outbox.publish(Topics.ORDER, AGGREGATE, id, new OrderCreated(id, memberId, eventLines, quote.totalFen()));
        return new PlacedOrder(String.valueOf(id), order.getStatus().name());
    }

    @Transactional
    public void onReserved(long orderId) {
        Order order = orders.lock(orderId);
        if (order == null || order.getStatus() != OrderStatus.PENDING_STOCK) {
            return; // cancelled meanwhile (its OrderCancelled releases the stock) or not ours
        }
        order.markReserved(Instant.now(), props.paymentTimeout());
        orders.updateById(order);
    }

    @Transactional
    public void onReservationFailed(long orderId) {
        Order order = orders.lock(orderId);
        if (order != null && order.getStatus() == OrderStatus.PENDING_STOCK) {
            cancel(order, CancelReason.OUT_OF_STOCK);
        }
    }

    @Transactional
    OrderView cancelByMember(long memberId, long orderId) {
        Order order = lockOwned(memberId, orderId);
        cancel(order, CancelReason.BY_MEMBER);
        return view(order);
    }

    /** Cancels one overdue order; false when it was paid or cancelled in the meantime. */
    @Transactional
    public boolean cancelIfOverdue(long orderId) {
        Order order = orders.lock(orderId);
        if (order == null || !order.isPaymentOverdue(Instant.now())) {
            return false;
        }
        cancel(order, CancelReason.PAYMENT_TIMEOUT);
        return true;
    }

    /** Called inside the payment notification's transaction. */
    @Transactional
    public boolean markPaid(long orderId, String channel) {
        Order order = orders.lock(orderId);
        if (order == null || order.getStatus() != OrderStatus.AWAITING_PAYMENT) {
            return false;
        }
        order.markPaid(Instant.now());
        orders.updateById(order);
        outbox.publish(Topics.ORDER, AGGREGATE, orderId, new OrderPaid(orderId, order.getMemberId(),
                contractLines(orderId), order.getPayableFen(), channel, order.getPaidAt()));
        return true;
    }

    @Transactional
    OrderView ship(long orderId, String carrier, String trackingNo) {
        Order order = orders.lock(orderId);
        if (order == null) {
            throw notFound(orderId);
        }
        order.ship(carrier, trackingNo, Instant.now());
        orders.updateById(order);
        outbox.publish(Topics.ORDER, AGGREGATE, orderId, new OrderShipped(orderId, order.getMemberId(), carrier,
                trackingNo, order.getShippedAt()));
        return view(order);
    }

    @Transactional
    OrderView confirmReceipt(long memberId, long orderId) {
        Order order = lockOwned(memberId, orderId);
        complete(order);
        return view(order);
    }

    /** Completes one shipped order whose confirmation window has passed; false when it is not (or no longer) due. */
    @Transactional
    public boolean completeIfDue(long orderId) {
        Order order = orders.lock(orderId);
        if (order == null || !order.isAutoConfirmDue(Instant.now(), props.autoConfirmAfter())) {
            return false;
        }
        complete(order);
        return true;
    }

    private void complete(Order order) {
        order.complete(Instant.now());
        orders.updateById(order);
        outbox.publish(Topics.ORDER, AGGREGATE, order.getId(), new OrderCompleted(order.getId(), order.getMemberId(),
                contractLines(order.getId()), order.getPayableFen(), order.getCompletedAt()));
    }

    OrderView findAny(long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null) {
            throw notFound(orderId);
        }
        return view(order);
    }

    private void cancel(Order order, CancelReason reason) {
        order.cancel(reason, Instant.now());
        orders.updateById(order);
        outbox.publish(Topics.ORDER, AGGREGATE, order.getId(), new OrderCancelled(order.getId(), order.getMemberId(),
                contractLines(order.getId()), reason.name()));
    }

    /** Locks the member's own order; another member's order does not exist for them (404). */
    public Order lockOwned(long memberId, long orderId) {
        Order order = orders.lock(orderId);
        if (order == null || order.getMemberId() != memberId) {
            throw notFound(orderId);
        }
        return order;
    }

    OrderView find(long memberId, long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null || order.getMemberId() != memberId) {
            throw notFound(orderId);
        }
        return view(order);
    }

    OrderPage list(long memberId, Long cursor, int limit) {
        List<Order> page = orders.selectList(new LambdaQueryWrapper<Order>()
                .eq(Order::getMemberId, memberId)
                .lt(cursor != null, Order::getId, cursor)
                .orderByDesc(Order::getId)
                .last("LIMIT " + (limit + 1)));
        boolean more = page.size() > limit;
        List<Order> shown = more ? page.subList(0, limit) : page;
        Map<Long, List<OrderLineRow>> linesByOrder = shown.isEmpty() ? Map.of()
                : lines.selectList(new LambdaQueryWrapper<OrderLineRow>()
                        .in(OrderLineRow::getOrderId, shown.stream().map(Order::getId).toList())
                        .orderByAsc(OrderLineRow::getId))
                        .stream().collect(Collectors.groupingBy(OrderLineRow::getOrderId));
        return new OrderPage(shown.stream().map(o -> view(o, linesByOrder.getOrDefault(o.getId(), List.of()))).toList(),
                more ? String.valueOf(shown.get(shown.size() - 1).getId()) : null);
    }

    private Optional<Order> byIdempotencyKey(long memberId, String key) {
        return Optional.ofNullable(orders.selectOne(new LambdaQueryWrapper<Order>()
                .eq(Order::getMemberId, memberId).eq(Order::getIdempotencyKey, key)));
    }

    private List<OrderLineRow> linesOf(long orderId) {
        return lines.selectList(new LambdaQueryWrapper<OrderLineRow>().eq(OrderLineRow::getOrderId, orderId)
                .orderByAsc(OrderLineRow::getId));
    }

    private List<OrderLine> contractLines(long orderId) {
        return linesOf(orderId).stream().map(OrderLineRow::contract).toList();
    }

    OrderView view(Order order) {
        return view(order, linesOf(order.getId()));
    }

    private OrderView view(Order o, List<OrderLineRow> rows) {
        List<LineView> lineViews = rows.stream().map(l -> new LineView(String.valueOf(l.getSkuId()),
                String.valueOf(l.getSpuId()), l.getTitle(), json.readValue(l.getSpecs(), SPECS), l.getQuantity(),
                l.getUnitPriceFen(), l.getPriceRule(), l.getUnitPriceFen() * l.getQuantity())).toList();
        var address = json.readValue(pii.decrypt(o.getAddressCipher()), OrderRequests.Address.class);
        return new OrderView(String.valueOf(o.getId()), o.getOrderNo(), o.getStatus().name(),
                o.getCancelReason() == null ? null : o.getCancelReason().name(), lineViews, o.getTotalFen(),
                o.getPayableFen(), AddressView.masked(address), o.getCreatedAt(), o.getUpdatedAt(),
                o.getPaymentDeadline(), o.getPaidAt(), o.getCancelledAt(), o.getCarrier(), o.getTrackingNo(),
                o.getShippedAt(), o.getCompletedAt());
    }

    static MallException notFound(long orderId) {
        return MallException.notFound("ORDER_NOT_FOUND", "no order " + orderId);
    }
}
