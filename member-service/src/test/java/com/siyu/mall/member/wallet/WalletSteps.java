package com.siyu.mall.member.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.payment.MockPaymentChannel;
import com.siyu.mall.common.testsupport.MallHttp;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test steps for the wallet: a PENDING recharge without a provider callback (inserted as the service would), and
 * notifications signed with the MOCK provider's own key.
 */
public final class WalletSteps {

    public static final String NOTIFY = "/api/v1/wallet/payments/notify/mock";

    private final MallHttp http;
    private final JdbcTemplate jdbc;
    private final MockPaymentChannel channel;

    public WalletSteps(MallHttp http, ApplicationContext context) {
        this.http = http;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.channel = context.getBean(MockPaymentChannel.class);
    }

    /** A recharge the provider was never asked about: returns its id (payment number {@code R<id>}). */
    public long pendingRecharge(long memberId, long principalFen, long bonusFen) {
        long id = IdWorker.getId();
        jdbc.update("INSERT INTO wallet_recharge (id, member_id, plan_id, principal_fen, bonus_fen, channel, payment_no, "
                + "status, idempotency_key, created_at) VALUES (?, ?, NULL, ?, ?, 'MOCK', ?, 'PENDING', ?, ?)", id, memberId,
                principalFen, bonusFen, "R" + id, "test-" + id, Timestamp.from(Instant.now()));
        return id;
    }

    public String signed(String paymentNo, long subjectId, long amountFen) {
        return MallHttp.json(channel.sign(paymentNo, subjectId, amountFen, "SUCCESS", "TXN" + subjectId,
                Instant.now().getEpochSecond(), UUID.randomUUID().toString()));
    }

    public MallHttp.Response notifyPaid(String paymentNo, long subjectId, long amountFen) {
        return http.post(NOTIFY, signed(paymentNo, subjectId, amountFen), null);
    }

    /** Puts money into a member's wallet through a real (signed) notification. */
    public void credit(long memberId, long principalFen, long bonusFen) {
        long id = pendingRecharge(memberId, principalFen, bonusFen);
        MallHttp.Response r = notifyPaid("R" + id, id, principalFen);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
