/**
 * MIDI Software Center: the <code>persistence</code> module (SPEC.md section 1): everything that touches PostgreSQL
 * and nothing else: no business rules.
 *
 * <ul>
 *   <li>{@link com.midicenter.persistence.db}: the embedded server, the pool, migrations, MyBatis set-up;</li>
 *   <li>{@link com.midicenter.persistence.mapper}: mapper interfaces and their row records (SQL in the XML beside them);</li>
 *   <li>{@link com.midicenter.persistence.type}: MyBatis type handlers.</li>
 * </ul>
 * Every failure leaves this module as a {@link com.midicenter.persistence.StorageException}.
 */
package com.midicenter.persistence;
