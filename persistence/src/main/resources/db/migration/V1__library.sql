-- MIDI Software Center library schema (SPEC.md section 3).
-- Content (bytes, stored once by hash) is separate from locations (every path it was seen at).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per distinct file content.
CREATE TABLE content (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sha256        bytea       NOT NULL,
    size_bytes    bigint      NOT NULL,
    first_run_id  bigint,
    added_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT content_sha256_uk UNIQUE (sha256),
    CONSTRAINT content_sha256_len_ck CHECK (octet_length(sha256) = 32)
);

-- Every place a content was seen: a file, or a member of a (possibly nested) archive.
-- path is absolute; archive members are written archive.zip!/inner/file.mid
CREATE TABLE location (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_id    bigint      NOT NULL REFERENCES content (id) ON DELETE CASCADE,
    path          text        NOT NULL,
    file_name     text        NOT NULL,
    container     text,                      -- the file on disk that holds it (the outermost archive), NULL for plain files
    size_bytes    bigint      NOT NULL,
    mtime_ms      bigint      NOT NULL,
    vendor        text,
    pack          text,
    first_run_id  bigint,
    last_run_id   bigint,
    missing       boolean     NOT NULL DEFAULT false,
    added_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT location_path_uk UNIQUE (path)
);
CREATE INDEX location_content_idx ON location (content_id);
CREATE INDEX location_container_idx ON location (container) WHERE container IS NOT NULL;

-- Structural and musical metadata, one row per content. Columns the analysis issue adds come by migration.
CREATE TABLE file_meta (
    content_id        bigint PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    format            smallint,
    tracks            integer,
    ppq               integer,
    duration_sec      real,
    bars              integer,
    bpm               real,
    bpm_source        text,
    tempo_changes     integer,
    meter             text,
    meter_source      text,
    notes             integer,
    pitch_min         smallint,
    pitch_max         smallint,
    velocity_mean     real,
    polyphony_max     integer,
    has_drums         boolean,
    channels          smallint[],
    programs          smallint[],
    instruments       text[],
    track_names       text[],
    warnings          text[],
    CONSTRAINT file_meta_bpm_source_ck CHECK (bpm_source IN ('meta', 'filename', 'estimated', 'default'))
);

-- Tag vocabulary; category says what kind of word it is (part, genre, vendor, pack, key, bpm, bars, meter, user...).
CREATE TABLE tag (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category  text NOT NULL,
    name      text NOT NULL,
    CONSTRAINT tag_uk UNIQUE (category, name)
);

-- Which content carries which tag, and where the tag came from.
CREATE TABLE file_tag (
    content_id  bigint   NOT NULL REFERENCES content (id) ON DELETE CASCADE,
    tag_id      integer  NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    source      text     NOT NULL,
    CONSTRAINT file_tag_pk PRIMARY KEY (content_id, tag_id, source),
    CONSTRAINT file_tag_source_ck CHECK (source IN ('path', 'analysis', 'user'))
);
CREATE INDEX file_tag_tag_idx ON file_tag (tag_id);

-- The user's marks on a content.
CREATE TABLE user_mark (
    content_id  bigint PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    favorite    boolean  NOT NULL DEFAULT false,
    rating      smallint,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_mark_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);

CREATE TABLE collection (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    query       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT collection_name_uk UNIQUE (name),
    CONSTRAINT collection_kind_ck CHECK (kind IN ('manual', 'smart'))
);

CREATE TABLE collection_item (
    collection_id  bigint  NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    content_id     bigint  NOT NULL REFERENCES content (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    CONSTRAINT collection_item_pk PRIMARY KEY (collection_id, content_id)
);

-- One row per import command.
CREATE TABLE import_run (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    roots        text[]      NOT NULL,
    status       text        NOT NULL DEFAULT 'running',
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    scanned      bigint      NOT NULL DEFAULT 0,
    imported     bigint      NOT NULL DEFAULT 0,
    duplicates   bigint      NOT NULL DEFAULT 0,
    unchanged    bigint      NOT NULL DEFAULT 0,
    errors       bigint      NOT NULL DEFAULT 0,
    missing      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT import_run_status_ck CHECK (status IN ('running', 'finished', 'cancelled', 'failed', 'interrupted'))
);

-- Files an import could not read, with the reason. The latest error per path is kept.
CREATE TABLE import_error (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id    bigint      REFERENCES import_run (id) ON DELETE SET NULL,
    path      text        NOT NULL,
    kind      text        NOT NULL,
    reason    text        NOT NULL,
    size_bytes bigint,
    mtime_ms  bigint,
    at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT import_error_path_uk UNIQUE (path)
);
-- "latest N errors" (ImportErrorMapper.latest) reads this backwards instead of sorting the table.
CREATE INDEX import_error_at_idx ON import_error (at DESC, id DESC);

-- Analysis work queue: claimed with FOR UPDATE SKIP LOCKED leases.
CREATE TABLE analysis_job (
    content_id        bigint PRIMARY KEY REFERENCES content (id) ON DELETE CASCADE,
    state             text        NOT NULL DEFAULT 'pending',
    analyzer_version  integer     NOT NULL DEFAULT 0,
    attempts          integer     NOT NULL DEFAULT 0,
    worker            text,
    lease_until       timestamptz,
    error             text,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT analysis_job_state_ck CHECK (state IN ('pending', 'running', 'done', 'failed'))
);
CREATE INDEX analysis_job_pending_idx ON analysis_job (content_id) WHERE state = 'pending';
CREATE INDEX analysis_job_lease_idx ON analysis_job (lease_until) WHERE state = 'running';
