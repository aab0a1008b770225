package com.siyu.mall.member.wallet;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wallet account and its ledger. Every change locks the account row ({@code SELECT … FOR UPDATE}), checks,
 * updates it conditionally and appends a ledger row in the caller's transaction; the ledger's unique
 * {@code (kind, ref_id)} makes every credit and debit happen at most once.
 */
@Service
public class Wallets {

    /** A wallet's state; a member who never recharged has an empty one. */
    public record Account(long principalFen, long bonusFen) {

        public long balanceFen() {
            return principalFen + bonusFen;
        }
    }

    /** What a spend took, and the balance after it. */
    public record Spent(WalletRules.Split split, long balanceFen) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Wallets(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Account account(long memberId) {
        List<Account> found = jdbc.query("SELECT principal_fen, bonus_fen FROM wallet_account WHERE member_id = ?",
                (rs, n) -> new Account(rs.getLong(1), rs.getLong(2)), memberId);
        return found.isEmpty() ? new Account(0, 0) : found.get(0);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Account lock(long memberId) {
        List<Account> found = jdbc.query(
                "SELECT principal_fen, bonus_fen FROM wallet_account WHERE member_id = ? FOR UPDATE",
                (rs, n) -> new Account(rs.getLong(1), rs.getLong(2)), memberId);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        Integer members = jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE id = ?", Integer.class, memberId);
        if (members == null || members == 0) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        return new Account(0, 0);
    }

    /** Adds money; creates the account on the first credit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Account credit(long memberId, String kind, long refId, WalletRules.Split split) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT IGNORE INTO wallet_account (member_id, principal_fen, bonus_fen, version, created_at, "
                + "updated_at) VALUES (?, 0, 0, 0, ?, ?)", memberId, now, now);
        Account before = lock(memberId);
        jdbc.update("UPDATE wallet_account SET principal_fen = principal_fen + ?, bonus_fen = bonus_fen + ?, "
                + "version = version + 1, updated_at = ? WHERE member_id = ?", split.principalFen(), split.bonusFen(),
                now, memberId);
        Account after = new Account(before.principalFen() + split.principalFen(), before.bonusFen() + split.bonusFen());
        append(memberId, kind, refId, split.principalFen(), split.bonusFen(), after.balanceFen(), now);
        return after;
    }

    /** Spends {@code amountFen} (principal and bonus in proportion); 409 WALLET_INSUFFICIENT when it isn't there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Spent spend(long memberId, String kind, long refId, long amountFen) {
        Account before = lock(memberId);
        if (amountFen > before.balanceFen()) {
            throw MallException.conflict("WALLET_INSUFFICIENT",
                    "the wallet holds " + before.balanceFen() + " fen, " + amountFen + " are needed");
        }
        WalletRules.Split split = WalletRules.debit(amountFen, before.principalFen(), before.bonusFen());
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE wallet_account SET principal_fen = principal_fen - ?, bonus_fen = bonus_fen - ?, "
                + "version = version + 1, updated_at = ? WHERE member_id = ? AND principal_fen >= ? AND bonus_fen >= ?",
                split.principalFen(), split.bonusFen(), now, memberId, split.principalFen(), split.bonusFen());
        if (updated != 1) {
            throw MallException.conflict("WALLET_INSUFFICIENT", "the wallet changed meanwhile");
        }
        long balance = before.balanceFen() - amountFen;
        append(memberId, kind, refId, -split.principalFen(), -split.bonusFen(), balance, now);
        return new Spent(split, balance);
    }

    private void append(long memberId, String kind, long refId, long principalDelta, long bonusDelta, long balance,
            Timestamp now) {
        jdbc.update("INSERT INTO wallet_ledger (id, member_id, kind, ref_id, principal_delta, bonus_delta, balance_after, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", IdWorker.getId(), memberId, kind, refId, principalDelta,
                bonusDelta, balance, now);
    }

    WalletView view(long memberId) {
        Account a = account(memberId);
        return new WalletView(a.balanceFen(), a.principalFen(), a.bonusFen());
    }

    record WalletView(long balanceFen, long principalFen, long bonusFen) {
    }

    record Transaction(String id, String kind, String refId, long amountFen, long principalFen, long bonusFen,
            long balanceFen, java.time.Instant createdAt) {
    }

    record TransactionPage(List<Transaction> items, String nextCursor) {
    }

    /** Newest first; the cursor is the last id of the previous page. */
    TransactionPage page(long memberId, String cursor, int limit) {
        long before = Long.MAX_VALUE;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw MallException.badRequest("CURSOR_INVALID", "cursor must be a value returned as nextCursor");
            }
        }
        List<Transaction> rows = jdbc.query("SELECT * FROM wallet_ledger WHERE member_id = ? AND id < ? "
                + "ORDER BY id DESC LIMIT ?", (rs, n) -> new Transaction(String.valueOf(rs.getLong("id")),
                        rs.getString("kind"), String.valueOf(rs.getLong("ref_id")),
                        rs.getLong("principal_delta") + rs.getLong("bonus_delta"), rs.getLong("principal_delta"),
                        rs.getLong("bonus_delta"), rs.getLong("balance_after"),
                        rs.getTimestamp("created_at").toInstant()), memberId, before, limit + 1);
        boolean more = rows.size() > limit;
        List<Transaction> items = more ? rows.subList(0, limit) : rows;
        return new TransactionPage(items, more ? items.get(items.size() - 1).id() : null);
    }
}
