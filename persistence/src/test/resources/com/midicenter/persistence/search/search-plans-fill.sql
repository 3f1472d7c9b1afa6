-- SearchPlanShapeIT: a library of 1,000,000 analysed files in search_doc (and one location each), generated in SQL.
-- Statements end with ';' at the end of a line (the test splits there; comments never do). Distributions, roughly:
--   18 genres, 50 vendors, 500 packs of 1,200 to 20,000 files (a pack is imported at once, so its rows are
--   adjacent), 8 % of files outside any vendor/pack folder, 10 parts (drums 20 %, chords 18 %, bass 15 %...),
--   tempo NULL 5 %, 65 % at a round tempo of the genre (±5), the rest anywhere in 60..180 with decimals, key NULL
--   5 %, meter 4/4 88 %, bars 4 (40 %) or 8 (30 %), 2 % failed analyses (no key, no instruments, no prints),
--   0.3 % favourites, 3 % rated, added over three years in id order.
--
-- The text vector is the one the analysis writes (AnalysisMapper.upsertSearchDocs: name A, vendor pack tags B,
-- path words C, instruments D), but assembled from vectors of its pieces parsed once in small lookup tables:
-- 'a b' || 'c' is the vector of 'a b c' (positions of the right side move past the left's), and parsing every
-- row's name and path would make the fill four times slower.
SELECT setseed(0.2026);

-- Tag ids are fixed so the docs can name them: genres 1..18, parts 101..110, vendors 201..250, packs 1001..1500.
INSERT INTO tag (id, category, name) OVERRIDING SYSTEM VALUE
SELECT g, 'genre', (ARRAY['house', 'deep house', 'techno', 'trance', 'trap', 'hip hop', 'lofi', 'neo soul', 'jazz',
                          'cinematic', 'synthwave', 'future bass', 'dnb', 'afro', 'reggaeton', 'pop', 'rnb',
                          'ambient'])[g]
  FROM generate_series(1, 18) AS g
UNION ALL
SELECT 100 + k, 'part', (ARRAY['drums', 'fill', 'top loop', 'bass', 'chords', 'pad', 'melody', 'lead', 'arp',
                               'full'])[k]
  FROM generate_series(1, 10) AS k
UNION ALL
SELECT 201 + v, 'vendor', (ARRAY['Prime', 'Urban', 'Velvet', 'Neon', 'Basement', 'Skyline', 'Northbound', 'Analog',
                                 'Pocket', 'Nightshift'])[v / 5 + 1]
                          || ' ' || (ARRAY['Grooves', 'Keys', 'Sound Lab', 'MIDI', 'Audio'])[v % 5 + 1]
  FROM generate_series(0, 49) AS v
UNION ALL
SELECT 1001 + p, 'pack', (ARRAY['House', 'Deep House', 'Techno', 'Trance', 'Trap', 'Hip Hop', 'Lo-Fi', 'Neo Soul',
                                'Jazz', 'Cinematic', 'Synthwave', 'Future Bass', 'DnB', 'Afro', 'Reggaeton', 'Pop',
                                'RnB', 'Ambient'])[p % 18 + 1]
                         || ' ' || (ARRAY['Essentials', 'Chords', 'Sessions', 'Anthems', 'Tools', 'Grooves',
                                          'Melodies', 'Toolkit', 'Collection', 'Starter Kit'])[(p / 18) % 10 + 1]
                         || ' Vol ' || (p / 180 + 1)
  FROM generate_series(0, 499) AS p;

-- Genres: the title in names, the tag word, the usual tempo; with the vectors of their words.
CREATE TEMPORARY TABLE fill_genre AS
SELECT x.*, to_tsvector('simple', translate(x.title, '-', ' ')) AS title_vec, to_tsvector('simple', x.tag) AS tag_vec
  FROM (SELECT g, t.name AS tag,
               (ARRAY['House', 'Deep House', 'Techno', 'Trance', 'Trap', 'Hip Hop', 'Lo-Fi', 'Neo Soul', 'Jazz',
                      'Cinematic', 'Synthwave', 'Future Bass', 'DnB', 'Afro', 'Reggaeton', 'Pop', 'RnB',
                      'Ambient'])[g] AS title
          FROM generate_series(1, 18) AS g JOIN tag t ON t.id = g) x;

-- Parts: the label in names, the folder, the tag word, the instrument sets the analysis may find (one is drawn).
CREATE TEMPORARY TABLE fill_part AS
SELECT x.*, to_tsvector('simple', x.label) AS label_vec, to_tsvector('simple', x.folder) AS folder_vec,
       to_tsvector('simple', x.tag) AS tag_vec
  FROM (SELECT k, t.name AS tag,
               (ARRAY['Drum Loop', 'Drum Fill', 'Top Loop', 'Bass', 'Chords', 'Pad', 'Melody', 'Lead', 'Arp',
                      'Full Loop'])[k] AS label,
               (ARRAY['Drums', 'Fills', 'Tops', 'Bass', 'Chords', 'Pads', 'Melodies', 'Leads', 'Arps',
                      'Full'])[k] AS folder,
               string_to_array((ARRAY['drums|drums,percussion|drums', 'drums', 'percussion|drums,percussion',
                                      'bass|bass|bass,synth', 'keys|piano|keys,pad|guitar|keys',
                                      'pad|pad,strings|synth,pad', 'lead|pluck|piano|guitar|strings|brass|keys',
                                      'lead|lead,synth', 'pluck|synth,pluck|keys',
                                      'drums,bass,keys,lead|drums,bass,pad,pluck|drums,percussion,bass,piano,strings'
                               ])[k], '|') AS options
          FROM generate_series(1, 10) AS k JOIN tag t ON t.id = 100 + k) x;

-- Packs: vendor (p % 50) and name (none for 1 in 12: loose folders), the genre most of its files have, the
-- separator of its file names; the vectors of its words in the text (B) and in paths (C, with the folders above).
CREATE TEMPORARY TABLE fill_pack AS
SELECT x.*, to_tsvector('simple', coalesce(x.vendor, '') || ' ' || coalesce(x.pack, '')) AS b_vec,
       to_tsvector('simple', 'home me MIDI ' || translate(coalesce(x.vendor || ' ' || x.pack, 'My Loops'), '-', ' '))
           AS dir_vec
  FROM (SELECT p, p % 12 <> 5 AS in_pack, (ARRAY[' ', '_', '-'])[p % 3 + 1] AS sep,
               CASE WHEN p % 12 <> 5 THEN v.name END AS vendor, CASE WHEN p % 12 <> 5 THEN k.name END AS pack
          FROM generate_series(0, 499) AS p JOIN tag v ON v.id = 201 + p % 50 JOIN tag k ON k.id = 1001 + p) x;

-- Numbers: a file's number in its pack, its folder 'Set n', its tempo 'nbpm'.
CREATE TEMPORARY TABLE fill_num AS
SELECT n, to_tsvector('simple', n::text) AS num_vec, to_tsvector('simple', 'Set ' || n) AS set_vec,
       to_tsvector('simple', n || 'bpm') AS bpm_vec
  FROM generate_series(0, 1000) AS n;

-- Keys as file names spell them (tonic * 2 + 1 for minor).
CREATE TEMPORARY TABLE fill_key AS
SELECT x.*, to_tsvector('simple', x.name) AS vec
  FROM (SELECT k, (ARRAY['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'])[k / 2 + 1]
                  || CASE WHEN k % 2 = 1 THEN 'm' ELSE '' END AS name
          FROM generate_series(0, 23) AS k) x;

ANALYZE fill_genre, fill_part, fill_pack, fill_num, fill_key;

INSERT INTO search_doc (content_id, path, name, vendor, pack, tsv, bpm, key_code, meter, bars, duration_sec,
                        instruments, has_drums, tag_ids, favorite, rating, state, added_at, rhythm_print, pitch_print)
SELECT d.i, d.path, d.name, d.vendor, d.pack,
       setweight(d.name_vec, 'A') || setweight(d.b_vec, 'B') || setweight(d.dir_vec || d.name_vec, 'C')
       || setweight(to_tsvector('simple', array_to_string(d.instruments, ' ')), 'D'),
       d.bpm, d.key_code, d.meter, d.bars, (d.bars * d.beats * 60 / coalesce(d.bpm, 120))::real, d.instruments,
       d.instruments && '{drums,percussion}', d.tag_ids, d.favorite, d.rating, d.state, d.added_at, d.rhythm_print,
       d.pitch_print
  FROM (
    SELECT c.*,
           '/home/me/MIDI/' || coalesce(c.vendor || '/' || c.pack, 'My Loops') || '/' || c.folder || '/Set '
               || (c.i / 1000) || '/' || c.name AS path
      FROM (
        SELECT b.i, b.bpm, b.key_code, b.meter, b.bars, b.beats, b.added_at, b.favorite, b.rating,
               CASE WHEN b.failed THEN 'failed' ELSE 'done' END AS state,
               CASE WHEN NOT b.failed THEN b.rhythm_print END AS rhythm_print,
               CASE WHEN NOT b.failed THEN b.pitch_print END AS pitch_print,
               pk.vendor, pk.pack, pt.folder,
               concat_ws(pk.sep, g.title, pt.label, (b.i % 1000)::text, bn.n || 'bpm', ky.name) || '.mid' AS name,
               g.title_vec || pt.label_vec || sq.num_vec || coalesce(bn.bpm_vec, '') || coalesce(ky.vec, '')
                   || 'mid:1'::tsvector AS name_vec,
               pk.b_vec || g.tag_vec || pt.tag_vec AS b_vec,
               pk.dir_vec || pt.folder_vec || st.set_vec AS dir_vec,
               CASE WHEN b.failed THEN '{}'::text[]
                    ELSE string_to_array(pt.options[1 + floor(b.r_inst * cardinality(pt.options))::int], ',')
                         || CASE WHEN b.r_fx < 0.03 THEN '{fx}'::text[] ELSE '{}' END END AS instruments,
               ARRAY[b.genre, 100 + b.part]
                   || CASE WHEN pk.in_pack THEN ARRAY[201 + b.p % 50, 1001 + b.p] ELSE '{}' END AS tag_ids
          FROM (
            SELECT a.i, a.p, a.r_inst, a.r_fx,
                   CASE WHEN a.r_genre < 0.85 THEN a.p % 18 + 1
                        ELSE 1 + floor((a.r_genre - 0.85) / 0.15 * 18)::int END AS genre,
                   width_bucket(a.r_part, ARRAY[0, .20, .25, .32, .47, .65, .71, .81, .88, .94]) AS part,
                   CASE WHEN a.r_bpm < 0.05 THEN NULL
                        WHEN a.r_bpm < 0.70 THEN ((ARRAY[124, 122, 130, 138, 140, 90, 80, 85, 100, 90, 110, 150, 170,
                                                         115, 95, 105, 75, 70])[a.p % 18 + 1]
                                                  + 5 * floor(a.r_bpm2 * 3 - 1))::real
                        ELSE round((60 + a.r_bpm2 * 120)::numeric, 2)::real END AS bpm,
                   CASE WHEN a.r_key < 0.05 OR a.r_state < 0.02 THEN NULL
                        ELSE floor((a.r_key - 0.05) / 0.95 * 24)::smallint END AS key_code,
                   (ARRAY['4/4', '3/4', '6/8', '7/8', '5/4', NULL])[width_bucket(a.r_meter,
                                                                    ARRAY[0, .88, .93, .97, .98, .99])] AS meter,
                   (ARRAY[4, 3, 3, 3.5, 5, 4])[width_bucket(a.r_meter, ARRAY[0, .88, .93, .97, .98, .99])] AS beats,
                   (ARRAY[4, 8, 16, 2, 1, 32, 1 + floor(a.r_bars2 * 64)::int])[width_bucket(a.r_bars,
                                                                   ARRAY[0, .40, .70, .80, .86, .91, .94])] AS bars,
                   a.r_state < 0.02 AS failed,
                   a.r_mark < 0.003 AS favorite,
                   CASE WHEN a.r_rating < 0.03 THEN 1 + floor(a.r_rating / 0.03 * 5)::smallint END AS rating,
                   timestamptz '2023-01-01 00:00Z' + a.i * interval '94.6 seconds' AS added_at,
                   a.rhythm_print, a.pitch_print
              FROM (
                SELECT i, least(499, floor(500 * power(i / 1000001.0::float8, 1.6)))::int AS p,
                       random() AS r_genre, random() AS r_part, random() AS r_bpm, random() AS r_bpm2,
                       random() AS r_key, random() AS r_meter, random() AS r_bars, random() AS r_bars2,
                       random() AS r_inst, random() AS r_fx, random() AS r_state, random() AS r_mark,
                       random() AS r_rating,
                       ((random() - 0.5) * 1.8e19)::bigint AS rhythm_print,
                       ((random() - 0.5) * 1.8e19)::bigint AS pitch_print
                  FROM generate_series(1, 1000000) AS i
              ) a
          ) b
          JOIN fill_pack pk ON pk.p = b.p
          JOIN fill_genre g ON g.g = b.genre
          JOIN fill_part pt ON pt.k = b.part
          JOIN fill_num sq ON sq.n = b.i % 1000
          JOIN fill_num st ON st.n = b.i / 1000
          LEFT JOIN fill_num bn ON bn.n = round(b.bpm)::int
          LEFT JOIN fill_key ky ON ky.k = b.key_code
      ) c
  ) d;

-- One location per doc (the import keeps every path of a content; the doc shows the first), for contentIdsByPath.
INSERT INTO location (content_id, path, file_name, size_bytes, mtime_ms, vendor, pack, path_tag_ids)
SELECT d.content_id, d.path, d.name, 1000 + d.content_id % 9000, 1700000000000 + d.content_id * 1000, d.vendor,
       d.pack, d.tag_ids
  FROM search_doc d;

DROP TABLE fill_genre, fill_part, fill_pack, fill_num, fill_key;
