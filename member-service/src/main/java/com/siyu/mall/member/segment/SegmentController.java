package com.siyu.mall.member.segment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SegmentController {

    private final MemberSearch search;

    SegmentController(MemberSearch search) {
        this.search = search;
    }

    @GetMapping("/admin/v1/members")
    MemberSearch.Page members(@RequestParam(required = false) String lifecycle,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String rfm,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return search.search(new MemberSearch.Criteria(lifecycle, tag, rfm, phone, cursor, limit));
    }

    @GetMapping("/admin/v1/segments/summary")
    MemberSearch.Summary summary() {
        return search.summary();
    }
}
