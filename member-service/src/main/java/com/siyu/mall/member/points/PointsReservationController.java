package com.siyu.mall.member.points;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.common.security.Roles;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service (never routed by the gateway). Callers forward the member's token, or use an operator token;
 * a member token only reaches that member's own points.
 */
@RestController
@RequestMapping("/internal/members/{memberId}/points-reservations")
class PointsReservationController {

    private final PointsReservations reservations;

    PointsReservationController(PointsReservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    Reservation reserve(@PathVariable long memberId, @Valid @RequestBody ReservationRequest request) {
        checkCaller(memberId);
        return reservations.reserve(memberId, request.orderId(), request.points());
    }

    @PostMapping("/{orderId}/confirm")
    Reservation confirm(@PathVariable long memberId, @PathVariable long orderId) {
        checkCaller(memberId);
        return reservations.confirm(memberId, orderId);
    }

    @PostMapping("/{orderId}/release")
    Reservation release(@PathVariable long memberId, @PathVariable long orderId) {
        checkCaller(memberId);
        return reservations.release(memberId, orderId);
    }

    private static void checkCaller(long memberId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean isMember = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER));
        if (isMember && CurrentUser.memberId() != memberId) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
    }
}
