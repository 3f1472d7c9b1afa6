package com.midicenter.app;

import java.sql.SQLException;

/**
 * The one line the command line prints when a command fails (never a stack trace: {@code MIDICENTER_LOG=DEBUG} shows
 * the logs), and its exit code: {@value #DATABASE_GONE} when the database server stopped, restarted or cannot be
 * reached — run the same command again when it is back; every command continues where it stopped — else
 * {@value #FAILED}.
 */
final class FailureMessage {

    /** The command failed. */
    static final int FAILED = 3;
    /** The database server stopped, restarted or cannot be reached: the same command can simply be run again. */
    static final int DATABASE_GONE = 4;

    private FailureMessage() {
    }

    /** The failure's message on one line (multi-line messages, e.g. Flyway's, joined with "; "), plus what to do. */
    static String of(Throwable failure) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        StringBuilder line = new StringBuilder();
        for (String part : message.lines().map(FailureMessage::clean).filter(l -> !l.isEmpty()).distinct().toList()) {
            if (line.length() > 0) {
                line.append(line.charAt(line.length() - 1) == ':' ? " " : "; ");
            }
            line.append(part);
        }
        return withAdvice(line.toString(), failure);
    }

    /**
     * One line of a message as a user should read it: MyBatis' {@code ### ...} lines reduced to their cause, Java
     * exception class names dropped, runs of spaces and Flyway's {@code -----} rules removed.
     */
    private static String clean(String raw) {
        String l = raw.strip();
        if (l.startsWith("###")) {
            int cause = l.lastIndexOf("Cause: ");
            l = cause < 0 ? "" : l.substring(cause + "Cause: ".length());
        }
        l = l.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
        l = l.replaceAll("\\s{2,}", " ");
        return l.matches("-{3,}") ? "" : l;
    }

    private static String withAdvice(String line, Throwable failure) {
        if (line.contains("No space left on device") && !line.contains("free some space")) {
            line += " (the disk is full: free some space, then run the same command again)";
        }
        if (databaseGone(failure)) {
            line += line.contains("again") ? " (the database server stopped or cannot be reached)"
                    : " (the database server stopped or cannot be reached: run the same command again when it is back;"
                    + " it continues where it stopped)";
        }
        return line;
    }

    /** {@link #DATABASE_GONE} or {@link #FAILED}. */
    static int exitCode(Throwable failure) {
        return databaseGone(failure) ? DATABASE_GONE : FAILED;
    }

    /**
     * True when the failure is a lost or refused connection: SQL state class 08 (connection exception), 57P01..57P03
     * (the server shut down, crashed or is starting), or the pool finding no live connection.
     */
    static boolean databaseGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            String text = String.valueOf(t.getMessage());
            if (text.contains("Connection is not available") || text.contains("This connection has been closed")
                    || text.contains("terminating connection due to administrator command")) {
                return true;
            }
        }
        return false;
    }
}
