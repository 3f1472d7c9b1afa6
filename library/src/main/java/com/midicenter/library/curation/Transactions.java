package com.midicenter.library.curation;

import com.midicenter.library.details.FileDetailsException;
import com.midicenter.library.search.SearchException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

import java.util.function.Function;

/** One transaction per service call: commits if the work returns, rolls back if it throws. */
final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction. Argument errors and the library's own exceptions pass through; any other
     * failure becomes a {@link CurationException} naming {@code operation}.
     */
    static <T> T inTransaction(SqlSessionFactory sessions, String operation, Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } catch (IllegalArgumentException | CurationException | FileDetailsException | SearchException e) {
            throw e;
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new CurationException(operation + " failed: " + detail, e);
        }
    }
}
