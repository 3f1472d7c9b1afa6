package com.midicenter.persistence;

import java.util.Objects;

/**
 * The one unchecked exception of the persistence module: every failure of the database, the embedded
 * server or a migration becomes a {@code StorageException} that names the operation that failed.
 *
 * <p>The message reads {@code "<operation> failed: <detail>"}; the original exception, if any, is the cause.
 * Callers above {@code persistence} catch this type only; the UI shows it, the CLI prints its message.
 */
public final class StorageException extends RuntimeException {

    private final String operation;

    /**
     * @param operation what was being done, e.g. {@code "migrate"} or {@code "start embedded server"}; not blank
     * @param detail    why it failed, in words a user can act on; not null
     * @param cause     the underlying failure; may be null
     */
    public StorageException(String operation, String detail, Throwable cause) {
        super(requireOperation(operation) + " failed: " + Objects.requireNonNull(detail, "detail"), cause);
        this.operation = operation;
    }

    /** Wraps {@code cause}, using its message as the detail. */
    public StorageException(String operation, Throwable cause) {
        this(operation, describe(cause), cause);
    }

    /** Without an underlying exception. */
    public StorageException(String operation, String detail) {
        this(operation, detail, null);
    }

    /** The operation that failed, as given to the constructor. */
    public String operation() {
        return operation;
    }

    private static String requireOperation(String operation) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation must not be blank: operation=" + operation);
        }
        return operation;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown reason";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
