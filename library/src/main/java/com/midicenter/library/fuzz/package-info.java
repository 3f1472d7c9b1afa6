/**
 * Mutation fuzzing of the whole per-file pipeline (reader and every analyser, as {@code info} runs it):
 * {@link com.midicenter.library.fuzz.FuzzSeeds} (generated and hand-made repair-case files),
 * {@link com.midicenter.library.fuzz.Mutator} (byte, chunk, header and event-level mutations),
 * {@link com.midicenter.library.fuzz.FilePipeline} (one input, its outcome) and
 * {@link com.midicenter.library.fuzz.FuzzCampaign} (many inputs on a bounded pool, with a per-input time limit).
 */
package com.midicenter.library.fuzz;
