package com.siyu.mall.member.address;

import com.siyu.mall.member.member.Phones;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST and PUT body. {@code isDefault}: true makes it the default; absent keeps things as they are. */
record AddressRequest(
        @NotBlank @Size(max = 32) String receiverName,
        @NotNull @Pattern(regexp = Phones.REGEX, message = "must be a mainland mobile number") String phone,
        @NotBlank @Size(max = 32) String province,
        @NotBlank @Size(max = 32) String city,
        @NotBlank @Size(max = 32) String district,
        @NotBlank @Size(max = 200) String detail,
        Boolean isDefault) {
}
