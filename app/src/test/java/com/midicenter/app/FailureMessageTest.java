package com.midicenter.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    @Test
    void of_myBatisMessageOfALostConnection_oneLineWithTheCauseAndAdvice() {
        // given: what MyBatis makes of a connection the server terminated (as seen when the server stopped)
        SQLException lost = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        RuntimeException failure = new RuntimeException("analysis stopped: the database failed: could not write an analysis batch:\n"
                + "### Error updating database.  Cause: org.postgresql.util.PSQLException: FATAL: terminating connection due to"
                + " administrator command\n### The error may exist in com/midicenter/persistence/analysis/AnalysisMapper.xml\n"
                + "### SQL: INSERT INTO file_meta SELECT * FROM stage\n"
                + "### Cause: org.postgresql.util.PSQLException: FATAL: terminating connection due to administrator command",
                lost);

        // when
        String line = FailureMessage.of(failure);

        // then
        assertThat(line).isEqualTo("analysis stopped: the database failed: could not write an analysis batch:"
                + " FATAL: terminating connection due to administrator command (the database server stopped or cannot be"
                + " reached: run the same command again when it is back; it continues where it stopped)");
        assertThat(FailureMessage.exitCode(failure)).isEqualTo(FailureMessage.DATABASE_GONE);
    }

    @Test
    void of_flywayMultiLineMessage_joinedOnOneLine() {
        // given
        RuntimeException failure = new RuntimeException("read migration status failed: Unable to obtain connection\n"
                + "------------------------\nSQL State  : 08001\nError Code : 0\nMessage    : Connection to 127.0.0.1:5 refused.\n",
                new SQLException("Connection to 127.0.0.1:5 refused.", "08001"));

        // when
        String line = FailureMessage.of(failure);

        // then
        assertThat(line).doesNotContain("\n").startsWith("read migration status failed: Unable to obtain connection;"
                + " SQL State : 08001; Error Code : 0; Message : Connection to 127.0.0.1:5 refused.");
        assertThat(FailureMessage.exitCode(failure)).isEqualTo(4);
    }

    @Test
    void exitCode_otherFailure_isThree() {
        // given
        RuntimeException failure = new IllegalStateException("migrate failed: the database schema is at version 99",
                new SQLException("relation exists", "42P07"));

        // when / then
        assertThat(FailureMessage.exitCode(failure)).isEqualTo(FailureMessage.FAILED);
        assertThat(FailureMessage.of(failure)).isEqualTo("migrate failed: the database schema is at version 99");
    }
}
