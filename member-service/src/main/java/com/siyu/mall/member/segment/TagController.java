package com.siyu.mall.member.segment;

import com.siyu.mall.common.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/members/{memberId}/tags")
class TagController {

    private final Tags tags;

    TagController(Tags tags) {
        this.tags = tags;
    }

    record AddTagRequest(String tag) {
    }

    @GetMapping
    List<Tags.TagView> list(@PathVariable long memberId) {
        return tags.ofMember(memberId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    List<Tags.TagView> add(@PathVariable long memberId, @RequestBody AddTagRequest request) {
        return tags.addManual(memberId, request.tag(), CurrentUser.subject());
    }

    @DeleteMapping("/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long memberId, @PathVariable String tag) {
        tags.removeManual(memberId, tag);
    }
}
