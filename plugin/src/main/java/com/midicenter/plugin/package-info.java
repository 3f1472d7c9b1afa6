/**
 * MIDI Software Center as a DAW plugin: the Java side of the native bridge (C in {@code native-bridge}).
 *
 * <p>The contract with the native side is {@link com.midicenter.plugin.Bridge} (API version),
 * {@link com.midicenter.plugin.InstanceLogic} (what the native side calls, per instance),
 * {@link com.midicenter.plugin.NativeSide} (what the Java side calls back) and {@link com.midicenter.plugin.Pattern}
 * (the looped events handed over through the ring). The implementation:
 * <ul>
 *   <li>{@link com.midicenter.plugin.PluginInstance} and its {@code Factory} (found through
 *       {@link java.util.ServiceLoader}): state, selection, patterns, window;</li>
 *   <li>{@link com.midicenter.plugin.PatternBuilder}: a MIDI file to a {@code Pattern} in beats;</li>
 *   <li>{@link com.midicenter.plugin.SharedLibrary}: the user's library, one per JVM, reference-counted;</li>
 *   <li>{@code PluginWindow}: the browser panel in a floating or embedded (X11) window.</li>
 * </ul>
 */
package com.midicenter.plugin;
