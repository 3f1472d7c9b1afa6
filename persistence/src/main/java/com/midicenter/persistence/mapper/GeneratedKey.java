package com.midicenter.persistence.mapper;

/**
 * Receives the key PostgreSQL generated for an inserted row ({@code useGeneratedKeys}). Used by the mappers' default
 * methods, which return the plain key; callers rarely need it themselves.
 *
 * <p>Not thread-safe; one per statement.
 */
public final class GeneratedKey {

    private Long id; // set reflectively by MyBatis

    /**
     * The generated key.
     *
     * @throws IllegalStateException if the statement has not run or returned no key
     */
    public long id() {
        if (id == null) {
            throw new IllegalStateException("no key was generated");
        }
        return id;
    }
}
