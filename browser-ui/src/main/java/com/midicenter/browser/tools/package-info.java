/**
 * The browser's curation tools: "Split into tracks…", "Export…" / "Export results…" and the "Duplicates" view, each a
 * dialog over the library services of {@link com.midicenter.browser.tools.CurationTools}, working off the EDT.
 */
package com.midicenter.browser.tools;
