package com.siyu.mall.member.privacy;

import com.siyu.mall.common.error.MallException;
import com.siyu.mall.common.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Access tokens are stateless and outlive the deletion by up to their TTL; this makes the member's own endpoints
 * answer 404 MEMBER_NOT_FOUND for a deleted member at once, so nothing personal can be written after anonymisation.
 */
@Configuration(proxyBeanMethods = false)
class DeletedMemberGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final JdbcTemplate jdbc;

    DeletedMemberGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/members/me", "/api/v1/members/me/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        OptionalLong memberId = CurrentUser.optionalMemberId();
        if (memberId.isPresent()) {
            List<Boolean> deleted = jdbc.queryForList("SELECT deleted_at IS NOT NULL FROM member WHERE id = ?",
                    Boolean.class, memberId.getAsLong());
            if (deleted.isEmpty() || deleted.get(0)) {
                throw MallException.notFound("MEMBER_NOT_FOUND", "no such member");
            }
        }
        return true;
    }
}
