package com.siyu.mall.member.admin;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyu.mall.common.error.MallException;
import com.siyu.mall.member.auth.TokenIssuer;
import com.siyu.mall.member.config.LocalProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** Operator accounts: the bootstrap admin at startup, and password login. */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class AdminAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);
    static final String LOCAL_DEFAULT_PASSWORD = "admin123";

    private final AdminUserMapper mapper;
    private final TokenIssuer tokens;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String bootstrapUsername;
    private final String bootstrapPassword;
    // Checked when the username is unknown, so a wrong username costs the same time as a wrong password.
    private final String decoyHash = encoder.encode(UUID.randomUUID().toString());

    AdminAccounts(AdminUserMapper mapper, TokenIssuer tokens, AdminProperties props, Environment env) {
        this.mapper = mapper;
        this.tokens = tokens;
        this.bootstrapUsername = props.username();
        this.bootstrapPassword = bootstrapPassword(props.password(), LocalProfile.isActive(env));
    }

    static String bootstrapPassword(String configured, boolean local) {
        if (configured != null) {
            return configured;
        }
        if (!local) {
            throw new IllegalStateException("MALL_ADMIN_PASSWORD is not set: the bootstrap admin needs a password "
                    + "outside the local profile");
        }
        log.warn("MALL_ADMIN_PASSWORD is not set: the bootstrap admin uses the local default password");
        return LOCAL_DEFAULT_PASSWORD;
    }

    /** Creates the bootstrap admin when missing; an existing admin's password is never overwritten. */
    @Override
    public void run(ApplicationArguments args) {
        if (find(bootstrapUsername) != null) {
            return;
        }
        try {
            mapper.insert(AdminUser.create(bootstrapUsername, encoder.encode(bootstrapPassword), Instant.now()));
            log.info("created the bootstrap admin '{}'", bootstrapUsername);
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            log.debug("bootstrap admin '{}' was created by another replica", bootstrapUsername);
        }
    }

    TokenIssuer.AccessToken login(String username, String password) {
        AdminUser user = find(username);
        // BCrypt only looks at 72 bytes (and refuses longer input): longer passwords can never be ours.
        boolean matches = password.getBytes(StandardCharsets.UTF_8).length <= 72
                && encoder.matches(password, user == null ? decoyHash : user.getPasswordHash());
        if (user == null || !matches) {
            throw new MallException(HttpStatus.UNAUTHORIZED, "ADMIN_CREDENTIALS_INVALID", "wrong username or password");
        }
        return tokens.forAdmin(user.getUsername());
    }

    private AdminUser find(String username) {
        return mapper.selectOne(new LambdaQueryWrapper<AdminUser>().eq(AdminUser::getUsername, username));
    }
}
