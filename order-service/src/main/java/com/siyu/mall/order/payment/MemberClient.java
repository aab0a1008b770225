package com.siyu.mall.order.payment;

import com.siyu.mall.contracts.member.WalletDebit;
import com.siyu.mall.contracts.member.WalletDebitRequest;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@FeignClient(name = "member-service", contextId = "member")
interface MemberClient {

    @PostMapping("/internal/wallet/debits")
    WalletDebit debit(@RequestBody WalletDebitRequest request);
}
