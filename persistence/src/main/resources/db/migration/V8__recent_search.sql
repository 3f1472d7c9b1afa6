-- The searches the user ran last, newest first (the library keeps the last 50). query is the search's text form
-- (one field per line, as the library writes it); running the same search again moves it to the top.
CREATE TABLE recent_search (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    query        text        NOT NULL,
    searched_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT recent_search_query_uk UNIQUE (query)
);
CREATE INDEX recent_search_at_idx ON recent_search (searched_at DESC, id DESC);

-- Items are read in order of their position within a collection.
CREATE INDEX collection_item_position_idx ON collection_item (collection_id, position);
