/**
 * MIDI Software Center: the <code>persistence</code> module (see SPEC.md section 1). Filled in by its own issue.
 */
package com.midicenter.persistence;
