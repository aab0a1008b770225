package com.siyu.mall.member.admin;

import com.siyu.mall.common.security.CurrentUser;
import com.siyu.mall.member.auth.Freezes;
import com.siyu.mall.member.member.Members;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
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

    /** The audit trail: who froze or unfroze the member, when and why (ADMIN and OPS may read it). */
    @GetMapping("/admin/v1/members/{memberId}/freeze-records")
    List<Freezes.FreezeRecord> records(@PathVariable long memberId) {
        members.view(memberId);
        return freezes.records(memberId);
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
