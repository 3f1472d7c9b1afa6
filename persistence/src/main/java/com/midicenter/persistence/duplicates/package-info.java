/** Duplicates in the library: contents seen at several paths, and candidates for musically identical files. */
package com.midicenter.persistence.duplicates;
