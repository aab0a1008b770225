package com.siyu.mall.member.points;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spending points on an order: reserve (available → reserved), then confirm (reserved → spent) or release
 * (reserved → available). Each step is idempotent per order. The member row lock makes "check available, then
 * reserve" atomic, so concurrent reservations can never take available below 0.
 */
@Service
class PointsReservations {

    private static final String KIND_RESERVED = "RESERVED";

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final MemberLocks locks;
    private final Clock clock;

    PointsReservations(JdbcTemplate jdbc, Ledger ledger, MemberLocks locks, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.locks = locks;
        this.clock = clock;
    }

    /** A repeat for the same order returns the first result; the same order with other points is 409. */
    @Transactional
    Reservation reserve(long memberId, long orderId, long points) {
        locks.lock(memberId);
        Reservation existing = find(orderId);
        if (existing != null) {
            if (!existing.memberId().equals(String.valueOf(memberId)) || existing.points() != points) {
                throw MallException.conflict("POINTS_RESERVATION_CONFLICT",
                        "order " + orderId + " already has a different points reservation");
            }
            return existing;
        }
        long available = ledger.available(memberId);
        if (points > available) {
            throw MallException.conflict("POINTS_INSUFFICIENT", "the member has " + available + " points available");
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO points_reservation (order_id, member_id, points, status, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", orderId, memberId, points, Reservation.RESERVED, now, now);
        } catch (DuplicateKeyException anotherMemberReservedThisOrder) {
            throw MallException.conflict("POINTS_RESERVATION_CONFLICT",
                    "order " + orderId + " already has a different points reservation");
        }
        ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, KIND_RESERVED, -points, orderId, null, null, null));
        ledger.append(new Ledger.Row(memberId, Bucket.RESERVED, KIND_RESERVED, points, orderId, null, null, null));
        return find(orderId);
    }

    @Transactional
    Reservation confirm(long memberId, long orderId) {
        return finish(memberId, orderId, Reservation.CONFIRMED);
    }

    @Transactional
    Reservation release(long memberId, long orderId) {
        return finish(memberId, orderId, Reservation.RELEASED);
    }

    private Reservation finish(long memberId, long orderId, String target) {
        locks.lock(memberId);
        Reservation reservation = find(orderId);
        if (reservation == null || !reservation.memberId().equals(String.valueOf(memberId))) {
            throw MallException.notFound("POINTS_RESERVATION_NOT_FOUND", "no points reservation for order " + orderId);
        }
        if (reservation.status().equals(target)) {
            return reservation;
        }
        if (!reservation.status().equals(Reservation.RESERVED)) {
            throw MallException.conflict("POINTS_RESERVATION_STATE_CONFLICT",
                    "the reservation is " + reservation.status() + " and cannot become " + target);
        }
        String kind = "RESERVATION_" + target;
        ledger.append(new Ledger.Row(memberId, Bucket.RESERVED, kind, -reservation.points(), orderId, null, null, null));
        if (target.equals(Reservation.RELEASED)) {
            ledger.append(new Ledger.Row(memberId, Bucket.AVAILABLE, kind, reservation.points(), orderId, null, null,
                    null));
        }
        jdbc.update("UPDATE points_reservation SET status = ?, updated_at = ? WHERE order_id = ?", target,
                Timestamp.from(clock.instant()), orderId);
        return find(orderId);
    }

    private Reservation find(long orderId) {
        List<Reservation> found = jdbc.query("SELECT * FROM points_reservation WHERE order_id = ?",
                (rs, n) -> new Reservation(String.valueOf(rs.getLong("order_id")), String.valueOf(rs.getLong("member_id")),
                        rs.getLong("points"), rs.getString("status")), orderId);
        return found.isEmpty() ? null : found.get(0);
    }
}
