package org.gridmend.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached just now (the pool waited its connection timeout, the
 * server refused or dropped the connection), however deeply an engine or a mapper wrapped it. Such a request is
 * answered 503 with Retry-After, not as a crash; nothing it was about has been accepted.
 */
public final class DatabaseDown {

    /** What a client is told to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseDown() {}

    public static boolean isCause(Throwable failure) {
        return anyCause(
                failure,
                c -> c instanceof SQLTransientConnectionException
                        || c instanceof SQLNonTransientConnectionException
                        || c instanceof CannotGetJdbcConnectionException
                        || c instanceof CannotCreateTransactionException
                        || c instanceof DataAccessResourceFailureException
                        || c instanceof ConnectException
                        // a commit or rollback on a connection that died under it (Hikari: "Connection is closed")
                        || c instanceof TransactionSystemException
                        || c instanceof SQLException closed && "Connection is closed".equals(closed.getMessage())
                        // SQL state class 08: connection exception (a connection closed under a running transaction)
                        || c instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("08")
                        || c.getClass().getName().equals("com.mysql.cj.jdbc.exceptions.CommunicationsException")
                        || c.getClass().getName().equals("com.mysql.cj.exceptions.CJCommunicationsException"));
    }

    /** Whether the failure or anything that caused it passes the test. */
    static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }

    public static ApiError error() {
        return new ApiError(
                "UNAVAILABLE",
                "GridMend cannot reach its database just now; nothing was recorded: try again in " + RETRY_AFTER_SECONDS
                        + " seconds",
                null);
    }
}
