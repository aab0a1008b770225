package com.siyu.mall.member.privacy;

import com.siyu.mall.common.security.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's PIPL rights over their own data: a copy of it, and its deletion (after a cancellable cooling-off). */
@RestController
@RequestMapping("/api/v1/members/me")
class PrivacyController {

    private final DataExport export;
    private final Deletions deletions;

    PrivacyController(DataExport export, Deletions deletions) {
        this.export = export;
        this.deletions = deletions;
    }

    @PostMapping("/data-export")
    Map<String, Object> export() {
        return export.of(CurrentUser.memberId());
    }

    @PostMapping("/deletion")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Deletions.DeletionView requestDeletion() {
        return deletions.request(CurrentUser.memberId());
    }

    @DeleteMapping("/deletion")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancelDeletion() {
        deletions.cancel(CurrentUser.memberId());
    }
}
