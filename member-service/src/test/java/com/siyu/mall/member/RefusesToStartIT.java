package com.siyu.mall.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.mall.common.testsupport.MallInfraInitializer;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Unsafe configurations stop the real application at startup, with a message that says what to fix. Each case
 * uses its own database, so what other tests stored (the signing key) does not decide the outcome.
 */
class RefusesToStartIT {

    private static final String PII_KEY = "--MALL_PII_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String PII_HASH_KEY = "--MALL_PII_HASH_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String NON_LOCAL = "--spring.profiles.active=prod";
    private static final String NO_WECHAT = "--mall.wechat.enabled=false";

    @Test
    void refusesAFixedSmsCodeWithARealSmsProvider() {
        assertRefused(freshDatabase(), "MALL_SMS_FIXED_CODE", "--mall.sms.provider=aliyun", "--mall.sms.fixed-code=123456");
    }

    @Test
    void refusesAnSmsProviderWithoutImplementation() {
        assertRefused(freshDatabase(), "has no implementation", "--mall.sms.provider=aliyun");
    }

    @Test
    void refusesMissingPiiKeysOutsideTheLocalProfile() {
        assertRefused(freshDatabase(), "MALL_PII_KEY and MALL_PII_HASH_KEY are required", NON_LOCAL,
                "--MALL_ADMIN_PASSWORD=s3cret", NO_WECHAT);
    }

    @Test
    void refusesAMissingAdminPasswordOutsideTheLocalProfile() {
        assertRefused(freshDatabase(), "MALL_ADMIN_PASSWORD is not set", NON_LOCAL, PII_KEY, PII_HASH_KEY,
                NO_WECHAT);
    }

    @Test
    void refusesThePublishedMockPaymentSecretOutsideTheLocalProfile() {
        // anyone could sign recharge notifications with it and credit wallets
        assertRefused(freshDatabase(), "MALL_PAYMENT_MOCK_SECRET", NON_LOCAL, PII_KEY, PII_HASH_KEY,
                "--MALL_ADMIN_PASSWORD=s3cret", NO_WECHAT);
    }

    @Test
    void refusesAStoredSigningKeyItCannotDecrypt() {
        String database = freshDatabase();
        // the local profile's dev PII key stores the generated signing key ...
        start(database).close();
        // ... which real PII keys cannot read
        assertRefused(database, "cannot be decrypted with the current MALL_PII_KEY", NON_LOCAL, PII_KEY, PII_HASH_KEY,
                "--MALL_ADMIN_PASSWORD=s3cret", NO_WECHAT);
    }

    @Test
    void refusesTheLocalWeChatStandInOutsideTheLocalProfile() {
        assertRefused(freshDatabase(), "mall.wechat.provider=local is only allowed under the local profile", NON_LOCAL,
                PII_KEY, PII_HASH_KEY, "--MALL_ADMIN_PASSWORD=s3cret", "--mall.payment.mock.secret=not-the-dev-secret");
    }

    private static void assertRefused(String database, String message, String... args) {
        ThrowingCallable start = () -> start(database, args).close();
        assertThatThrownBy(start).satisfies(e -> assertThat(causes(e)).anyMatch(m -> m.contains(message)));
    }

    /**
     * {@code args} are command-line arguments: they outrank application.yml, as MALL_* variables do. The port is one
     * of them too: as a default property it lost to application.yml's 8081 and collided with a running local stack.
     */
    private static ConfigurableApplicationContext start(String database, String... args) {
        return new SpringApplicationBuilder(MemberApplication.class)
                .initializers(new MallInfraInitializer())
                .properties("mall.outbox.relay-enabled=false")
                .run(Stream.concat(Stream.of("--mall.db.name=" + database, "--server.port=0"), Stream.of(args))
                        .toArray(String[]::new));
    }

    private static String freshDatabase() {
        return "mall_member_start_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Stream<String> causes(Throwable e) {
        return Stream.iterate(e, t -> t != null, Throwable::getCause).map(t -> String.valueOf(t.getMessage()));
    }
}
