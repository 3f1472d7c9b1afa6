/**
 * MIDI Software Center: the <code>plugin</code> module (see SPEC.md section 1). Filled in by its own issue.
 */
package com.midicenter.plugin;
