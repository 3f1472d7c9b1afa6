/** Finding files: text, filters, sorts, keyset pages, totals, facets and "similar to". */
package com.midicenter.library.search;
