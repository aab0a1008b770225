package com.siyu.mall.member.address;

import com.siyu.mall.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members/me/addresses")
class AddressController {

    private final Addresses addresses;

    AddressController(Addresses addresses) {
        this.addresses = addresses;
    }

    @GetMapping
    List<AddressView> list() {
        return addresses.list(CurrentUser.memberId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AddressView create(@Valid @RequestBody AddressRequest request) {
        return addresses.create(CurrentUser.memberId(), request);
    }

    @PutMapping("/{addressId}")
    AddressView update(@PathVariable long addressId, @Valid @RequestBody AddressRequest request) {
        return addresses.update(CurrentUser.memberId(), addressId, request);
    }

    @DeleteMapping("/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long addressId) {
        addresses.delete(CurrentUser.memberId(), addressId);
    }
}
