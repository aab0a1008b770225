package com.siyu.mall.member.benefits;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.common.security.Roles;
import com.siyu.mall.contracts.member.MemberBenefits;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What pricing needs about a member, now. Service-to-service; a member token only reaches that member. */
@RestController
class BenefitsController {

    private final Benefits benefits;

    BenefitsController(Benefits benefits) {
        this.benefits = benefits;
    }

    @GetMapping("/internal/members/{memberId}/benefits")
    MemberBenefits benefits(@PathVariable long memberId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean isMember = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.MEMBER));
        if (isMember && CurrentUser.memberId() != memberId) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        return benefits.of(memberId);
    }
}
