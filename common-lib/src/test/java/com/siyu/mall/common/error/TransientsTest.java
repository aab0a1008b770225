package com.siyu.mall.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientsTest {

    @Test
    void seesADatabaseOutageThroughFrameworkWrappers() {
        var noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        assertThat(Transients.isDatabaseUnavailable(new RuntimeException("MyBatis PersistenceException", noConnection))).isTrue();
        assertThat(Transients.isDatabaseUnavailable(new BatchListenerFailedException("batch failed",
                new CannotCreateTransactionException("Could not open JDBC Connection"), 0))).isTrue();
        assertThat(Transients.isDatabaseUnavailable(new IllegalStateException(new SQLRecoverableException("link failure")))).isTrue();
    }

    @Test
    void aBadMessageOrABugIsNotAnOutage() {
        assertThat(Transients.isDatabaseUnavailable(new IllegalArgumentException("unknown event"))).isFalse();
        assertThat(Transients.isDatabaseUnavailable(new org.springframework.dao.DuplicateKeyException("dup"))).isFalse();
        assertThat(Transients.isDatabaseUnavailable(null)).isFalse();
    }
}
