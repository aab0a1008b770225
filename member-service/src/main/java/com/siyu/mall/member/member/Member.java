package com.siyu.mall.member.member;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** A member, known by the phone they logged in with. The phone is only ever stored encrypted and hashed. */
@TableName("member")
class Member {

    @TableId(type = IdType.ASSIGN_ID)
    private Long id;
    private String phoneCipher;
    private String phoneHash;
    private String nickname;
    private String inviteCode;
    private Long inviterId;
    private String avatarUrl;
    private String gender;
    private LocalDate birthday;
    private Instant deletedAt;
    private Instant createdAt;
    private Instant updatedAt;

    static Member register(String phoneCipher, String phoneHash, String nickname, String inviteCode, Long inviterId,
            Instant now) {
        Member member = new Member();
        member.phoneCipher = phoneCipher;
        member.phoneHash = phoneHash;
        member.nickname = nickname;
        member.inviteCode = inviteCode;
        member.inviterId = inviterId;
        member.gender = Gender.UNKNOWN.name();
        member.createdAt = now;
        member.updatedAt = now;
        return member;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getPhoneCipher() {
        return phoneCipher;
    }

    public void setPhoneCipher(String phoneCipher) {
        this.phoneCipher = phoneCipher;
    }

    public String getPhoneHash() {
        return phoneHash;
    }

    public void setPhoneHash(String phoneHash) {
        this.phoneHash = phoneHash;
    }

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }

    public String getInviteCode() {
        return inviteCode;
    }

    public void setInviteCode(String inviteCode) {
        this.inviteCode = inviteCode;
    }

    public Long getInviterId() {
        return inviterId;
    }

    public void setInviterId(Long inviterId) {
        this.inviterId = inviterId;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public LocalDate getBirthday() {
        return birthday;
    }

    public void setBirthday(LocalDate birthday) {
        this.birthday = birthday;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
