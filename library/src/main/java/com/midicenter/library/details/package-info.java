/** One file's details (everything stored about it) and the user's edits: favourite, rating, user tags. */
package com.midicenter.library.details;
