-- Archives seen by import: an unchanged archive (same size and mtime) is not opened again.
CREATE TABLE archive_file (
    path          text   PRIMARY KEY,
    size_bytes    bigint NOT NULL,
    mtime_ms      bigint NOT NULL,
    members       integer NOT NULL,
    last_run_id   bigint
);
