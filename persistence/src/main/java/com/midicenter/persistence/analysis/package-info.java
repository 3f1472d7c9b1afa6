/**
 * The analysis work queue: jobs claimed with {@code FOR UPDATE SKIP LOCKED} leases by any number of workers on any
 * number of machines, results written in batches with {@code COPY}.
 */
package com.midicenter.persistence.analysis;
