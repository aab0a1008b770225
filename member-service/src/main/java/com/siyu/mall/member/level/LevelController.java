package com.siyu.mall.member.level;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LevelController {

    private final Levels levels;
    private final LevelAdmin admin;

    LevelController(Levels levels, LevelAdmin admin) {
        this.levels = levels;
        this.admin = admin;
    }

    @GetMapping("/api/v1/members/me/level")
    MyLevelView myLevel() {
        return levels.myLevel(CurrentUser.memberId());
    }

    @GetMapping("/admin/v1/member-levels")
    List<LevelView> list() {
        return admin.list();
    }

    @PostMapping("/admin/v1/member-levels")
    @ResponseStatus(HttpStatus.CREATED)
    LevelView create(@Valid @RequestBody LevelRequest request) {
        return admin.create(request);
    }

    @PutMapping("/admin/v1/member-levels/{code}")
    LevelView update(@PathVariable String code, @Valid @RequestBody LevelRequest request) {
        return admin.update(code, request);
    }

    @DeleteMapping("/admin/v1/member-levels/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        admin.delete(code);
    }
}
