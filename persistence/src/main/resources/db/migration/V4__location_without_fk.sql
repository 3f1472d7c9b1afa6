-- The foreign key of location to content costs the import one trigger and one index lookup per stored path; the
-- import writes each location in the same transaction as (or after) its content, and contents are never deleted
-- while locations point at them, so it goes like those of file_meta and analysis_job (V2).
ALTER TABLE location DROP CONSTRAINT location_content_id_fkey;
