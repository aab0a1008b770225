package com.siyu.mall.member.address;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.config.MemberProperties;
import com.siyu.mall.member.member.MemberLocks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's address book: at most {@code mall.member.addresses.max} addresses, exactly one of them the default
 * whenever there is any. Writes lock the member row, so concurrent writes cannot leave two defaults or exceed the
 * limit. Receiver name, phone and detail are stored encrypted.
 */
@Service
class Addresses {

    private static final String COLUMNS = "id, receiver_name_cipher, phone_cipher, province, city, district, "
            + "detail_cipher, is_default, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final MemberLocks locks;
    private final Clock clock;
    private final int max;

    Addresses(JdbcTemplate jdbc, PiiCipher pii, MemberLocks locks, Clock clock, MemberProperties props) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.locks = locks;
        this.clock = clock;
        this.max = props.addresses().max();
    }

    List<AddressView> list(long memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_address WHERE member_id = ? ORDER BY is_default DESC, id DESC",
                view(), memberId);
    }

    @Transactional
    AddressView create(long memberId, AddressRequest request) {
        locks.lock(memberId);
        int count = jdbc.queryForObject("SELECT COUNT(*) FROM member_address WHERE member_id = ?", Integer.class, memberId);
        if (count >= max) {
            throw MallException.conflict("ADDRESS_LIMIT_REACHED", "a member can keep at most " + max + " addresses");
        }
        boolean isDefault = count == 0 || Boolean.TRUE.equals(request.isDefault());
        if (isDefault) {
            clearDefault(memberId);
        }
        long id = IdWorker.getId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO member_address (id, member_id, receiver_name_cipher, phone_cipher, province, city, "
                + "district, detail_cipher, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, memberId, pii.encrypt(request.receiverName().trim()), pii.encrypt(request.phone()),
                request.province().trim(), request.city().trim(), request.district().trim(),
                pii.encrypt(request.detail().trim()), isDefault, now, now);
        return find(memberId, id);
    }

    @Transactional
    AddressView update(long memberId, long addressId, AddressRequest request) {
        locks.lock(memberId);
        AddressView current = find(memberId, addressId);
        if (Boolean.FALSE.equals(request.isDefault()) && current.isDefault()) {
            throw MallException.conflict("ADDRESS_DEFAULT_REQUIRED",
                    "one address must stay the default: make another address the default instead");
        }
        boolean isDefault = current.isDefault() || Boolean.TRUE.equals(request.isDefault());
        if (isDefault && !current.isDefault()) {
            clearDefault(memberId);
        }
        jdbc.update("UPDATE member_address SET receiver_name_cipher = ?, phone_cipher = ?, province = ?, city = ?, "
                + "district = ?, detail_cipher = ?, is_default = ?, updated_at = ? WHERE id = ? AND member_id = ?",
                pii.encrypt(request.receiverName().trim()), pii.encrypt(request.phone()), request.province().trim(),
                request.city().trim(), request.district().trim(), pii.encrypt(request.detail().trim()), isDefault,
                Timestamp.from(clock.instant()), addressId, memberId);
        return find(memberId, addressId);
    }

    /** Deleting the default makes the newest remaining address the default. */
    @Transactional
    void delete(long memberId, long addressId) {
        locks.lock(memberId);
        AddressView current = find(memberId, addressId);
        jdbc.update("DELETE FROM member_address WHERE id = ? AND member_id = ?", addressId, memberId);
        if (current.isDefault()) {
            jdbc.update("UPDATE member_address SET is_default = 1, updated_at = ? WHERE member_id = ? ORDER BY id DESC LIMIT 1",
                    Timestamp.from(clock.instant()), memberId);
        }
    }

    /** Another member's address is "not found" as well: its existence is not revealed. */
    private AddressView find(long memberId, long addressId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM member_address WHERE id = ? AND member_id = ?", view(),
                addressId, memberId).stream().findFirst()
                .orElseThrow(() -> MallException.notFound("ADDRESS_NOT_FOUND", "no such address"));
    }

    private void clearDefault(long memberId) {
        jdbc.update("UPDATE member_address SET is_default = 0 WHERE member_id = ? AND is_default = 1", memberId);
    }

    private RowMapper<AddressView> view() {
        return (rs, n) -> AddressView.of(rs.getLong("id"), pii.decrypt(rs.getString("receiver_name_cipher")),
                pii.decrypt(rs.getString("phone_cipher")), rs.getString("province"), rs.getString("city"),
                rs.getString("district"), pii.decrypt(rs.getString("detail_cipher")), rs.getBoolean("is_default"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
