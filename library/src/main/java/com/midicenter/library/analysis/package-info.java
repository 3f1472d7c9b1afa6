/**
 * Analysis of the library: claims jobs from the shared queue, reads each file where the import found it, runs the
 * musical analysis on a bounded set of threads and stores the results in batches.
 */
package com.midicenter.library.analysis;
