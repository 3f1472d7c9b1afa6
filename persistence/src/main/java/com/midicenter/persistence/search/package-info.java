/** Search over {@code search_doc}: full text, filters, keyset pages, totals, facets, similar files. */
package com.midicenter.persistence.search;
