package com.siyu.mall.member.reach;

import com.siyu.mall.common.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members/me/consents")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    @GetMapping
    List<Consents.ConsentView> list() {
        return consents.list(CurrentUser.memberId());
    }

    @PutMapping
    List<Consents.ConsentView> update(@RequestBody Map<String, Boolean> change) {
        return consents.update(CurrentUser.memberId(), change);
    }
}
