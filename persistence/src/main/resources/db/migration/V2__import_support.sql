-- Archives seen by import: an unchanged archive (same size and mtime) is not opened again.
CREATE TABLE archive_file (
    path          text   PRIMARY KEY,
    size_bytes    bigint NOT NULL,
    mtime_ms      bigint NOT NULL,
    members       integer NOT NULL,
    last_run_id   bigint
);

-- Tags that come from a location's path and name (vendor, pack, part, genre, bpm, key, bars, meter) belong to the
-- location and are stored with it: one array instead of a row per tag keeps import fast. file_tag keeps the tags
-- from analysis and from the user.
ALTER TABLE location ADD COLUMN path_tag_ids integer[] NOT NULL DEFAULT '{}';
ALTER TABLE file_tag DROP CONSTRAINT file_tag_source_ck;
ALTER TABLE file_tag ADD CONSTRAINT file_tag_source_ck CHECK (source IN ('analysis', 'user'));

-- file_meta and analysis_job rows are written by the import in the same statement as their content row, and
-- contents are never deleted while they have them; their foreign keys cost a third of the import's database time
-- (one lookup per row), so they go. location keeps its foreign key to content.
ALTER TABLE file_meta DROP CONSTRAINT file_meta_content_id_fkey;
ALTER TABLE analysis_job DROP CONSTRAINT analysis_job_content_id_fkey;
