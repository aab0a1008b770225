package com.siyu.mall.member.reach;

import com.siyu.mall.contracts.member.ReachPermit;
import com.siyu.mall.contracts.member.ReachPermitRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service-to-service: the one gate every campaign sender passes before each marketing message. A denial is a
 * decision, not an error: 200 with {@code granted: false} and the reason.
 */
@RestController
class ReachController {

    private final ReachPermits permits;

    ReachController(ReachPermits permits) {
        this.permits = permits;
    }

    @PostMapping("/internal/reach/permits")
    ReachPermit permit(@Valid @RequestBody ReachPermitRequest request) {
        return permits.permit(request);
    }
}
