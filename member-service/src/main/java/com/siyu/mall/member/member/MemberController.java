package com.siyu.mall.member.member;

import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members")
class MemberController {

    private final Members members;

    MemberController(Members members) {
        this.members = members;
    }

    @GetMapping("/me")
    MemberView me() {
        return members.view(CurrentUser.memberId());
    }

    @PatchMapping("/me")
    MemberView update(@Valid @RequestBody UpdateProfileRequest change) {
        return members.updateProfile(CurrentUser.memberId(), change);
    }
}
