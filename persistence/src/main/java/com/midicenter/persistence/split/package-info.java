/** Statements linking split parts to the content they were split from ({@code content_part}, V9). */
package com.midicenter.persistence.split;
