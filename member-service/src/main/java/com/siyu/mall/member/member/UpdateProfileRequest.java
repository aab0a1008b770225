package com.siyu.mall.member.member;

import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** PATCH /members/me: absent (or null) fields stay as they are. The birthday can be set once. */
public record UpdateProfileRequest(
        @Size(min = 1, max = 32) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String nickname,
        @Size(max = 512) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String avatarUrl,
        Gender gender,
        @Past LocalDate birthday) {
}
