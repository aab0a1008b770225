package com.siyu.mall.member.admin;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.member.auth.Freezes;
import com.siyu.mall.member.member.Members;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN only (SecurityRulesConfig). Both are idempotent; the answer is the member's admin view. */
@RestController
class AdminFreezeController {

    record FreezeRequest(@NotBlank @Size(max = 200) String reason) {
    }

    private final Freezes freezes;
    private final Members members;

    AdminFreezeController(Freezes freezes, Members members) {
        this.freezes = freezes;
        this.members = members;
    }

    @PostMapping("/admin/v1/members/{memberId}/freeze")
    AdminMemberView freeze(@PathVariable long memberId, @Valid @RequestBody FreezeRequest request) {
        members.view(memberId); // 404 MEMBER_NOT_FOUND, also for a deleted member
        freezes.freeze(memberId, request.reason().trim(), CurrentUser.subject());
        return AdminMemberView.of(members.view(memberId), freezes.statusOf(memberId));
    }

    @PostMapping("/admin/v1/members/{memberId}/unfreeze")
    AdminMemberView unfreeze(@PathVariable long memberId, @Valid @RequestBody FreezeRequest request) {
        members.view(memberId);
        freezes.unfreeze(memberId, request.reason().trim(), CurrentUser.subject());
        return AdminMemberView.of(members.view(memberId), freezes.statusOf(memberId));
    }
}
