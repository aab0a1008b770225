package com.siyu.mall.member.admin;

import com.siyu.mall.member.auth.Freezes;
import com.siyu.mall.member.member.Members;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators look members up; they see the same masked phone as the member does. */
@RestController
class AdminMemberController {

    private final Members members;
    private final Freezes freezes;

    AdminMemberController(Members members, Freezes freezes) {
        this.members = members;
        this.freezes = freezes;
    }

    @GetMapping("/admin/v1/members/{memberId}")
    AdminMemberView member(@PathVariable long memberId) {
        return AdminMemberView.of(members.view(memberId), freezes.statusOf(memberId));
    }
}
