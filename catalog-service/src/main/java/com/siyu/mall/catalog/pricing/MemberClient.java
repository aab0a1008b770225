package com.siyu.mall.catalog.pricing;

import com.siyu.mall.contracts.member.MemberBenefits;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@FeignClient(name = "member-service", contextId = "member")
interface MemberClient {

    @GetMapping("/internal/members/{id}/benefits")
    MemberBenefits benefits(@PathVariable("id") long memberId);
}
