package com.siyu.mall.member.member;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.event.Topics;
import com.siyu.mall.common.outbox.Outbox;
import com.siyu.mall.contracts.member.MemberRegistered;
import com.siyu.mall.common.pii.PiiCipher;
import java.time.Instant;
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
    private final TransactionTemplate tx;

    Members(MemberMapper mapper, PiiCipher pii, Outbox outbox, PlatformTransactionManager txm) {
        this.mapper = mapper;
        this.pii = pii;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txm);
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
        if (member == null) {
            throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
        }
        return MemberView.from(member, pii.decrypt(member.getPhoneCipher()));
    }

    private static String defaultNickname(String phone) {
        return "用户" + phone.substring(phone.length() - 4);
    }
}
