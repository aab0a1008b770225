package com.siyu.mall.member.member;

import com.siyu.mall.common.error.MallException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialises the writes that must see a member's whole state (points balances, the default address, sign-ins):
 * they lock the member row first, always in that order, so they never deadlock and never interleave.
 */
@Component
public class MemberLocks {

    private final JdbcTemplate jdbc;

    MemberLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the member row until the current transaction ends; 404 MEMBER_NOT_FOUND when there is none. */
    public void lock(long memberId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("MemberLocks.lock needs a transaction");
        }
        List<Long> ids = jdbc.queryForList("SELECT id FROM member WHERE id = ? FOR UPDATE", Long.class, memberId);
        if (ids.isEmpty()) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
    }
}
