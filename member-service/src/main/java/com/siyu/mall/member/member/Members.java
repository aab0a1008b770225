package com.siyu.mall.member.member;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberRegistered;
import com.siyu.mall.common.pii.PiiCipher;
import com.siyu.mall.member.level.Levels;
import com.siyu.mall.member.lifecycle.Lifecycles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Finding members by phone and registering new ones. */
@Service
public class Members {

    private static final int REGISTER_ATTEMPTS = 5;

    private final MemberMapper mapper;
    private final PiiCipher pii;
    private final Outbox outbox;
    private static final LocalDate EARLIEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final TransactionTemplate tx;
    private final MemberLocks locks;
    private final Levels levels;
    private final Lifecycles lifecycles;
    private final Clock clock;

    Members(MemberMapper mapper, PiiCipher pii, Outbox outbox, PlatformTransactionManager txm, MemberLocks locks,
            Levels levels, Lifecycles lifecycles, Clock clock) {
        this.mapper = mapper;
        this.pii = pii;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txm);
        this.locks = locks;
        this.levels = levels;
        this.lifecycles = lifecycles;
        this.clock = clock;
    }

    public Optional<Long> findIdByPhone(String phone) {
        return Optional.ofNullable(mapper.selectOne(new LambdaQueryWrapper<Member>()
                .select(Member::getId).eq(Member::getPhoneHash, pii.hash(phone)))).map(Member::getId);
    }

    /** The member who owns {@code inviteCode}; 400 INVITE_CODE_INVALID when nobody does. */
    public long inviterIdFor(String inviteCode) {
        Member inviter = mapper.selectOne(new LambdaQueryWrapper<Member>()
                .select(Member::getId).eq(Member::getInviteCode, inviteCode.trim().toUpperCase()));
        if (inviter == null) {
            throw MallException.badRequest("INVITE_CODE_INVALID", "no member has this invite code");
        }
        return inviter.getId();
    }

    /**
     * Registers the phone and records MemberRegistered in the same transaction. When a concurrent login registered
     * the same phone first, its member id is returned instead (the unique phone hash decides).
     */
    public long register(String phone, Long inviterId) {
        for (int attempt = 1; attempt <= REGISTER_ATTEMPTS; attempt++) {
            try {
                return tx.execute(status -> {
                    Member member = Member.register(pii.encrypt(phone), pii.hash(phone), defaultNickname(phone),
                            InviteCodes.next(), inviterId, Instant.now());
                    mapper.insert(member);
                    outbox.publish(Topics.MEMBER, "Member", member.getId(), new MemberRegistered(member.getId(), inviterId));
                    return member.getId();
                });
            } catch (DuplicateKeyException e) {
                Optional<Long> registeredMeanwhile = findIdByPhone(phone);
                if (registeredMeanwhile.isPresent()) {
                    return registeredMeanwhile.get();
                }
                // otherwise the random invite code collided: try another one
            }
        }
        throw new IllegalStateException("could not register a member after " + REGISTER_ATTEMPTS + " attempts");
    }

    public MemberView view(long memberId) {
        Member member = mapper.selectById(memberId);
        if (member == null || member.getDeletedAt() != null) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        return MemberView.from(member, pii.decrypt(member.getPhoneCipher()), levels.levelCodeOf(memberId),
                lifecycles.stageOf(memberId).name());
    }

    /** Applies the fields present in {@code change}; the birthday can only be set once (409 BIRTHDAY_ALREADY_SET). */
    public MemberView updateProfile(long memberId, UpdateProfileRequest change) {
        if (change.birthday() != null && change.birthday().isBefore(EARLIEST_BIRTHDAY)) {
            throw MallException.badRequest("BIRTHDAY_INVALID", "birthday must be on or after " + EARLIEST_BIRTHDAY);
        }
        tx.executeWithoutResult(status -> {
            locks.lock(memberId);
            Member member = mapper.selectById(memberId);
            if (change.birthday() != null && member.getBirthday() != null
                    && !member.getBirthday().equals(change.birthday())) {
                throw MallException.conflict("BIRTHDAY_ALREADY_SET", "the birthday was set before and cannot change");
            }
            Member update = new Member();
            update.setId(memberId);
            update.setNickname(change.nickname() == null ? null : change.nickname().trim());
            update.setAvatarUrl(change.avatarUrl());
            update.setGender(change.gender() == null ? null : change.gender().name());
            update.setBirthday(change.birthday());
            update.setUpdatedAt(clock.instant());
            mapper.updateById(update);
        });
        return view(memberId);
    }

    private static String defaultNickname(String phone) {
        return "用户" + phone.substring(phone.length() - 4);
    }
}
