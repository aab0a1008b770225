package com.siyu.mall.common.error;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Failures that say "the database is away for now", wherever a framework wrapped them (MyBatis, Spring, Kafka). */
public final class Transients {

    private Transients() {
    }

    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
