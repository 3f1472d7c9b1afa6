/**
 * Curating the library: user tags across many files ({@link com.midicenter.library.curation.TagService}), manual and
 * smart collections and recent searches ({@link com.midicenter.library.curation.CollectionService}). Each edit and
 * the rewrite of the edited files' search rows commit together, so search sees both or neither.
 */
package com.midicenter.library.curation;
