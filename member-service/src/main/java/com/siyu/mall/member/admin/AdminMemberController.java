package com.siyu.mall.member.admin;

import com.siyu.mall.member.member.MemberView;
import com.siyu.mall.member.member.Members;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators look members up; they see the same masked phone as the member does. */
@RestController
class AdminMemberController {

    private final Members members;

    AdminMemberController(Members members) {
        this.members = members;
    }

    @GetMapping("/admin/v1/members/{memberId}")
    MemberView member(@PathVariable long memberId) {
        return members.view(memberId);
    }
}
