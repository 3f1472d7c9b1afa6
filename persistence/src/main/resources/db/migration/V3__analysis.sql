-- Musical analysis results (issue 4). The import fills the structural columns of file_meta; `analyze` fills the
-- rest and overwrites tempo/duration/bars with the analyser's view (filename tempo, estimated tempo...).

-- What the import stores is the GM family of each channel; `instruments` becomes the producer categories
-- (bass, keys, pad...) the analysis derives from programs, track names and path words.
ALTER TABLE file_meta RENAME COLUMN instruments TO families;

ALTER TABLE file_meta
    ADD COLUMN analyzer_version   integer,
    ADD COLUMN analyzed_at        timestamptz,
    ADD COLUMN bpm_confidence     real,
    ADD COLUMN tempo_seconds      real[],      -- tempo map: where each tempo starts...
    ADD COLUMN tempo_bpms         real[],      -- ...and what it is
    ADD COLUMN meters             text[],      -- meter map, e.g. {4/4@0,3/4@8} (bar numbers 1-based)
    ADD COLUMN key                text,        -- F#m, Eb; NULL for drum-only files
    ADD COLUMN key_confidence     real,
    ADD COLUMN key_runner_up      text,
    ADD COLUMN key_source         text,
    ADD COLUMN camelot            text,
    ADD COLUMN chords             text,        -- collapsed progression, e.g. 'Am F C G'
    ADD COLUMN chords_per_bar     text[],
    ADD COLUMN drum_pieces        text[],
    ADD COLUMN drum_counts        integer[],   -- hits per piece: kick, snare, clap, closed hat, pedal hat, open hat, tom, crash, ride, percussion
    ADD COLUMN drum_hits_per_bar  real,
    ADD COLUMN swing              smallint,    -- MPC percent, 50 straight
    ADD COLUMN ghost_notes        integer,
    ADD COLUMN fill_bars          integer[],
    ADD COLUMN drum_role          text,
    ADD COLUMN instruments        text[],
    ADD COLUMN is_loop            boolean,
    ADD COLUMN notes_per_bar      real,
    ADD COLUMN velocity_min       smallint,
    ADD COLUMN velocity_max       smallint,
    ADD COLUMN quantized          boolean,
    ADD COLUMN groove_offset_ms   real,
    ADD COLUMN rhythm_print       bigint,
    ADD COLUMN pitch_print        bigint,
    ADD CONSTRAINT file_meta_key_source_ck CHECK (key_source IN ('notes', 'filename', 'key_signature', 'none')),
    ADD CONSTRAINT file_meta_drum_role_ck CHECK (drum_role IN ('none', 'groove', 'fill', 'groove_with_fill'));

-- How often a job's results were written: a check that every file is analysed exactly once, whatever the workers
-- and crashes (the scale-out test reads it).
ALTER TABLE analysis_job ADD COLUMN results_written integer NOT NULL DEFAULT 0;
