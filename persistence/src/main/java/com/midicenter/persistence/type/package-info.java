/**
 * MyBatis type handlers for PostgreSQL types the schema uses: {@code text[]} as {@code List<String>}, enums stored
 * as lower-case words.
 */
package com.midicenter.persistence.type;
