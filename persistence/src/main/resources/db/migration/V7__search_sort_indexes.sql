-- Search sorted by tempo, key, bars, duration or rating (SearchCriteria.sortExpression) orders by the column with
-- NULLs replaced (so the keyset cursor can compare them), and no index had that expression: browsing the library by
-- tempo read and sorted all of search_doc (Parallel Seq Scan + top-N sort: 810 ms and 76,000 pages at 1M docs,
-- SearchPlanShapeIT). With these, a page is an index walk of a few dozen rows, forwards or backwards, also after a
-- cursor. The expressions must stay exactly those of SearchCriteria.sortExpression().
CREATE INDEX search_doc_bpm_sort_idx ON search_doc ((coalesce(bpm, 100000)), content_id);
CREATE INDEX search_doc_key_sort_idx ON search_doc ((coalesce(key_code, 100)), content_id);
CREATE INDEX search_doc_bars_sort_idx ON search_doc ((coalesce(bars, 1000000)), content_id);
CREATE INDEX search_doc_duration_sort_idx ON search_doc ((coalesce(duration_sec, 1000000)), content_id);
CREATE INDEX search_doc_rating_sort_idx ON search_doc ((coalesce(rating, 0)), content_id);
