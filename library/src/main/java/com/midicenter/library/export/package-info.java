/** Copying the files of a search or of chosen contents to a folder or a zip, named from a template. */
package com.midicenter.library.export;
