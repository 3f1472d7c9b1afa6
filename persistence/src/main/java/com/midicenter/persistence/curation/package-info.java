/**
 * Statements behind curation: user tags across files (rename, merge, bulk remove, counts, autocomplete, tag clouds),
 * collections (manual items in order, smart ones as a stored search) and recent searches. Writes do not commit: the
 * library's curation services run them in one transaction with the search-row refresh.
 */
package com.midicenter.persistence.curation;
