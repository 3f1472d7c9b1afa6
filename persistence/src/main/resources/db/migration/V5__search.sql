-- Search (issue 5): one denormalised row per analysed (or failed) content, written in the same transaction as its
-- analysis, so that every query reads one table through its indexes. The weighted text: file name (A) > tags,
-- vendor, pack (B) > folders (C) > track names and instrument words (D).

CREATE TABLE search_doc (
    content_id    bigint PRIMARY KEY,
    path          text        NOT NULL,
    name          text        NOT NULL,
    vendor        text,
    pack          text,
    tsv           tsvector    NOT NULL,
    bpm           real,
    key_code      smallint,                -- tonic * 2 + 1 for minor (0..23); NULL without a key
    meter         text,
    bars          integer,
    duration_sec  real,
    instruments   text[]      NOT NULL DEFAULT '{}',
    has_drums     boolean     NOT NULL DEFAULT false,
    tag_ids       integer[]   NOT NULL DEFAULT '{}',
    favorite      boolean     NOT NULL DEFAULT false,
    rating        smallint,
    state         text        NOT NULL,    -- done | failed
    added_at      timestamptz NOT NULL,
    rhythm_print  bigint,
    pitch_print   bigint,
    CONSTRAINT search_doc_state_ck CHECK (state IN ('done', 'failed'))
);

CREATE INDEX search_doc_tsv_idx ON search_doc USING gin (tsv);
CREATE INDEX search_doc_name_trgm_idx ON search_doc USING gin (lower(name) gin_trgm_ops);
CREATE INDEX search_doc_bpm_idx ON search_doc (bpm, content_id);
CREATE INDEX search_doc_key_bpm_idx ON search_doc (key_code, bpm);
CREATE INDEX search_doc_name_idx ON search_doc (lower(name), content_id);
CREATE INDEX search_doc_added_idx ON search_doc (added_at, content_id);
CREATE INDEX search_doc_instruments_idx ON search_doc USING gin (instruments);
CREATE INDEX search_doc_tags_idx ON search_doc USING gin (tag_ids);
CREATE INDEX search_doc_vendor_idx ON search_doc (vendor, pack);
CREATE INDEX search_doc_favorite_idx ON search_doc (content_id) WHERE favorite;

-- The key as a number for filters (tonic * 2 + 1 for minor), written by the analysis with the key's name.
ALTER TABLE file_meta ADD COLUMN key_code smallint;
