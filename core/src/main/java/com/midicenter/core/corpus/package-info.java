/**
 * A deterministic generator of realistic, labelled MIDI loop-pack libraries, for tests, benchmarks and the
 * {@code demo} command.
 *
 * <p>Entry point: {@link com.midicenter.core.corpus.CorpusGenerator}. {@code generate(files, out, progress)}
 * writes the files and {@code out/ground-truth.csv}; {@code file(i)} returns file {@code i} in memory.
 * {@link com.midicenter.core.corpus.GroundTruthCsv#read} loads the CSV back; each row is a
 * {@link com.midicenter.core.corpus.GroundTruth}, whose Javadoc defines every column.
 *
 * <p>What the library looks like:
 * <ul>
 *   <li>15 invented vendors, each making packs in a few genres; a pack is a run of 40-400 consecutive
 *       files sharing a name ({@code Deep House Essentials Vol 2}), a folder layout (category folders,
 *       flat, numbered {@code 01 Drums}, or tempo folders), a naming convention, a resolution and habits
 *       (format 0 or 1, running status, note-off style, program changes). About 1% of files sit loose in
 *       the vendor folder or at the root.</li>
 *   <li>Parts: drums, fills, top loops (channel 10, GM drum map), bass, chords, pads, melodies, leads,
 *       arps, and construction kits combining several parts; 1-16 bars; 70-175 BPM by genre; about 10%
 *       in 3/4, 6/8, 7/8 or 5/4; all 24 keys with one chord per bar from progressions that start on the
 *       tonic.</li>
 *   <li>Names such as {@code Deep House Chords 01 124bpm Am.mid}, {@code DH_Bass_Loop_03_124_F#m.mid},
 *       {@code 124 BPM - Trap Melody 3 - C# minor.mid}, {@code groove_07.MID}; extensions {@code .mid},
 *       {@code .MID}, {@code .midi}, a few {@code .kar}, none, and {@code .rmi} (RIFF RMID wrapped).</li>
 *   <li>Missing or misleading meta events: no tempo (BPM only in the name, or nowhere), a 120 BPM
 *       default tempo, a C-major default key signature.</li>
 *   <li>About 5% byte-identical duplicates in {@code Bonus} folders and 2% corrupt files
 *       ({@link com.midicenter.core.corpus.CorruptKind}).</li>
 * </ul>
 *
 * <p>Pure Java, no dependency beyond {@code com.midicenter.core.midi}.
 */
package com.midicenter.core.corpus;
