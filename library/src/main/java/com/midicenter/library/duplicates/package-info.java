/** Duplicates: the same bytes at several paths, and musically identical files (same notes, different bytes). */
package com.midicenter.library.duplicates;
