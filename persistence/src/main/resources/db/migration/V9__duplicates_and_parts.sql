-- Curation (issue 9), additive only: two tables, their indexes and a trigger; nothing existing changes.

-- The result of the last complete musical duplicate scan (`duplicates --musical`): every content of a group of files
-- that play the same notes with different bytes, and the group's keeper (its first content: the oldest import).
-- The keeper has a row of its own (content_id = keeper_id); a search that hides duplicates leaves out the others.
-- A new complete scan replaces every row.
CREATE TABLE musical_duplicate (
    content_id   bigint      PRIMARY KEY,
    keeper_id    bigint      NOT NULL,
    fingerprint  text        NOT NULL,   -- NoteFingerprint (hex), shared by the group
    scanned_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX musical_duplicate_keeper_idx ON musical_duplicate (keeper_id);

-- The in-memory search index holds which contents are hidden: rebuild it when the scan's result changes (V6).
CREATE TRIGGER musical_duplicate_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON musical_duplicate
    FOR EACH STATEMENT EXECUTE FUNCTION midicenter_search_doc_changed();

-- Split parts (`split FILE --import`): a part's content and the content it was split from, with its part number
-- (1-based, as in its file name). One original per part; splitting again links the part anew.
CREATE TABLE content_part (
    child_id   bigint      PRIMARY KEY,
    parent_id  bigint      NOT NULL,
    part_no    integer     NOT NULL,
    linked_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT content_part_not_self_ck CHECK (child_id <> parent_id),
    CONSTRAINT content_part_no_ck CHECK (part_no >= 1)
);
CREATE INDEX content_part_parent_idx ON content_part (parent_id, part_no);
