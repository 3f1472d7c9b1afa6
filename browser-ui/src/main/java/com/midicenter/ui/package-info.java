/**
 * MIDI Software Center: the <code>browser-ui</code> module (see SPEC.md section 1). Filled in by its own issue.
 */
package com.midicenter.ui;
