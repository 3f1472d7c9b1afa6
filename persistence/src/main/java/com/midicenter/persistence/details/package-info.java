/**
 * One file's details for the browser: every stored analysis field, locations, tags and the user's marks; and the
 * user's edits (favourite, rating, user tags), which rewrite the file's search row in the same transaction.
 */
package com.midicenter.persistence.details;
