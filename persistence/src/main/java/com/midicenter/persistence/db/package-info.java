/**
 * Reaching the database: {@link com.midicenter.persistence.db.EmbeddedServer} (a private PostgreSQL in the user's
 * home folder), {@link com.midicenter.persistence.db.DatabaseConfig} and
 * {@link com.midicenter.persistence.db.Database} (HikariCP pool, Flyway migrations, MyBatis session factory) for the
 * embedded or an external server.
 */
package com.midicenter.persistence.db;
