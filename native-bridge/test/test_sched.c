/* test_sched.c: unit tests of the ring + scheduler (no host, no Java). Exit status 0 when all pass. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/mc_ring.h"
#include "../src/mc_sched.h"

#define SR 48000.0
#define BLOCK 512u
#define MAX_OUT 200000

typedef struct out_ev {
    long frame; /* absolute */
    uint8_t st, d1, d2;
} out_ev;

static out_ev g_out[MAX_OUT];
static int g_n;
static long g_block_start;
static int g_failures;

static void capture(void *ctx, uint32_t frame, uint8_t st, uint8_t d1, uint8_t d2) {
    (void)ctx;
    if (frame >= BLOCK) {
        fprintf(stderr, "  emitted frame %u outside the block\n", frame);
        g_failures++;
    }
    if (g_n > 0 && g_block_start + (long)frame < g_out[g_n - 1].frame) {
        fprintf(stderr, "  events out of frame order at %ld\n", g_block_start + (long)frame);
        g_failures++;
    }
    if (g_n < MAX_OUT) {
        g_out[g_n++] = (out_ev){g_block_start + (long)frame, st, d1, d2};
    }
}

#define CHECK(cond, ...)                                                                                             \
    do {                                                                                                             \
        if (!(cond)) {                                                                                               \
            fprintf(stderr, "  FAIL %s:%d: ", __FILE__, __LINE__);                                                 \
            fprintf(stderr, __VA_ARGS__);                                                                            \
            fprintf(stderr, "\n");                                                                                   \
            g_failures++;                                                                                            \
        }                                                                                                            \
    } while (0)

/* a host's position at an absolute frame, rounded to CLAP's 31.31 fixed point as a CLAP host sends it */
static double host_pos(long frame, double bpm) {
    double beats = (double)frame * bpm / 60.0 / SR;
    return (double)llround(beats * 2147483648.0) / 2147483648.0;
}

/* runs `blocks` blocks from absolute frame `start` with the host transport playing (or stopped) at bpm */
static void run_blocks(mc_sched *s, mc_ring *ring, long start, int blocks, double bpm, int playing) {
    for (int b = 0; b < blocks; b++) {
        g_block_start = start + (long)b * BLOCK;
        mc_sched_drain(s, ring, MC_DRAIN_PER_BLOCK);
        mc_transport t = {.playing = playing, .has_tempo = true, .pos_beats = host_pos(g_block_start, bpm),
                          .tempo_bpm = bpm};
        mc_sched_render(s, &t, 0, BLOCK, capture, NULL);
    }
}

/* the pattern of the placement tests: 4 beats, two channels, a drum on channel 10, a CC */
static const double P_BEATS[] = {0.0, 0.5, 1.0, 1.0, 1.25, 2.0, 2.333333, 3.75, 3.999};
static const uint8_t P_ST[] = {0x90, 0x80, 0x80, 0x99, 0x89, 0xB0, 0x91, 0x81, 0x90};
static const uint8_t P_D1[] = {60, 60, 62, 36, 36, 7, 67, 67, 62};
static const uint8_t P_D2[] = {100, 64, 0, 80, 0, 90, 40, 0, 120};
#define P_N 9
#define P_LEN 4.0

static long expected_frame(double beat, double bpm) {
    return (long)floor(beat * SR * 60.0 / bpm + 1e-3);
}

static void test_placement(double bpm) {
    fprintf(stderr, "placement at %.1f BPM across loop wraps and block boundaries\n", bpm);
    mc_ring ring;
    mc_sched s;
    g_n = 0;
    mc_ring_init(&ring, 1024);
    mc_sched_init(&s, SR);
    CHECK(mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2), "push");
    g_n = 0;
    int blocks = (int)(3 * P_LEN * SR * 60 / bpm / BLOCK) + 2; /* three loops and a bit */
    run_blocks(&s, &ring, 0, blocks, bpm, 1);
    long end_frame = (long)blocks * BLOCK;

    /* expected: each event of each loop whose frame is inside the run; note-on of 62 at 3.999 retriggers nothing */
    int k = 0;
    int skipped_initial_panic = 0;
    for (int i = 0; i < g_n && g_out[i].st == 0xB0 + (i % 16) && g_out[i].d1 == 123; i++) {
        skipped_initial_panic++;
    }
    CHECK(skipped_initial_panic == 16, "a new pattern starts with CC123 on 16 channels (got %d)",
          skipped_initial_panic);
    k = skipped_initial_panic;
    int matched = 0;
    for (int loop = 0; loop < 10; loop++) {
        for (int e = 0; e < P_N; e++) {
            long f = expected_frame(loop * P_LEN + P_BEATS[e], bpm);
            if (f >= end_frame) {
                continue;
            }
            /* 0x80 for key 62 at beat 1.0 of loop 0 comes before any note-on of 62: nothing sounds, nothing sent */
            if (P_ST[e] == 0x80 && P_D1[e] == 62 && loop == 0) {
                continue;
            }
            if (k >= g_n) {
                CHECK(0, "missing event %d of loop %d (frame %ld)", e, loop, f);
                continue;
            }
            CHECK(g_out[k].frame == f && g_out[k].st == P_ST[e] && g_out[k].d1 == P_D1[e],
                  "loop %d event %d: want frame %ld %02X %d, got frame %ld %02X %d", loop, e, f, P_ST[e], P_D1[e],
                  g_out[k].frame, g_out[k].st, g_out[k].d1);
            k++;
            matched++;
        }
    }
    CHECK(k == g_n, "%d extra events", g_n - k);
    fprintf(stderr, "  %d events matched sample-exactly over %d blocks\n", matched, blocks);
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

static int count_cc123(int from) {
    int n = 0;
    for (int i = from; i < g_n; i++) {
        if ((g_out[i].st & 0xF0) == 0xB0 && g_out[i].d1 == 123) {
            n++;
        }
    }
    return n;
}

static void test_stop_sends_notes_off_and_cc123(void) {
    fprintf(stderr, "stop: note-offs of the sounding notes, then CC123 on all 16 channels\n");
    mc_ring ring;
    mc_sched s;
    g_n = 0;
    mc_ring_init(&ring, 1024);
    mc_sched_init(&s, SR);
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    run_blocks(&s, &ring, 0, 10, 120, 1); /* 10 blocks = 0.2133 beats at 120: note 60 sounds */
    g_n = 0;
    run_blocks(&s, &ring, 5120, 1, 120, 0);
    CHECK(g_n == 17, "1 note-off + 16 CC123, got %d events", g_n);
    CHECK(g_n > 0 && g_out[0].st == 0x80 && g_out[0].d1 == 60 && g_out[0].frame == 5120, "note-off of 60 first");
    CHECK(count_cc123(0) == 16, "16 CC123");
    g_n = 0;
    run_blocks(&s, &ring, 5632, 20, 120, 0);
    CHECK(g_n == 0, "silence while stopped, got %d", g_n);
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

static void test_transpose_and_velocity(void) {
    fprintf(stderr, "transpose +5 (not channel 10) and velocity 150%% / 50%%\n");
    mc_ring ring;
    mc_sched s;
    g_n = 0;
    mc_ring_init(&ring, 1024);
    mc_sched_init(&s, SR);
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    s.transpose_semitones = 5;
    s.velocity_percent = 150;
    g_n = 0;
    run_blocks(&s, &ring, 0, 50, 120, 1); /* 1.07 beats */
    int seen = 0;
    for (int i = 0; i < g_n; i++) {
        if (g_out[i].st == 0x90 && g_out[i].frame == 0) {
            CHECK(g_out[i].d1 == 65 && g_out[i].d2 == 127, "60 vel 100 -> 65 vel 127 (clamped), got %d %d",
                  g_out[i].d1, g_out[i].d2);
            seen++;
        }
        if (g_out[i].st == 0x80 && g_out[i].frame == 12000) {
            CHECK(g_out[i].d1 == 65, "note-off follows the note-on's key, got %d", g_out[i].d1);
            seen++;
        }
        if (g_out[i].st == 0x99) {
            CHECK(g_out[i].d1 == 36 && g_out[i].d2 == 120, "channel 10 untransposed, 80*1.5=120, got %d %d",
                  g_out[i].d1, g_out[i].d2);
            seen++;
        }
    }
    CHECK(seen == 3, "saw the three checked events (%d)", seen);
    /* automation mid-note: the off still matches the on */
    mc_sched_free(&s);
    mc_sched_init(&s, SR);
    mc_ring_free(&ring);
    mc_ring_init(&ring, 1024);
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    s.transpose_semitones = 2;
    s.velocity_percent = 50;
    g_n = 0;
    run_blocks(&s, &ring, 0, 5, 120, 1);
    s.transpose_semitones = -12;
    run_blocks(&s, &ring, 5 * BLOCK, 45, 120, 1);
    int on = -1, off = -1;
    for (int i = 0; i < g_n; i++) {
        if (g_out[i].st == 0x90 && on < 0) on = i;
        if (g_out[i].st == 0x80 && off < 0) off = i;
    }
    CHECK(on >= 0 && g_out[on].d1 == 62 && g_out[on].d2 == 50, "on 62 vel 50");
    CHECK(off >= 0 && g_out[off].d1 == 62, "off 62 after transpose changed to -12, got %d", off >= 0 ? g_out[off].d1 : -1);
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

static void test_pattern_change_clear_and_jump(void) {
    fprintf(stderr, "pattern change / clear -> panic; transport jump -> note-offs and placement from the new spot\n");
    mc_ring ring;
    mc_sched s;
    g_n = 0;
    mc_ring_init(&ring, 1024);
    mc_sched_init(&s, SR);
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    run_blocks(&s, &ring, 0, 10, 120, 1);
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    g_n = 0;
    run_blocks(&s, &ring, 5120, 1, 120, 1);
    CHECK(g_n >= 17 && g_out[0].st == 0x80 && count_cc123(0) == 16, "change: off + 16 CC123 (%d events)", g_n);
    mc_ring_push_simple(&ring, MC_REC_CLEAR);
    g_n = 0;
    run_blocks(&s, &ring, 5632, 1, 120, 1);
    CHECK(count_cc123(0) == 16, "clear: 16 CC123");
    g_n = 0;
    run_blocks(&s, &ring, 6144, 100, 120, 1);
    CHECK(g_n == 0, "cleared: silence, got %d", g_n);

    /* jump: play from 0, then locate to beat 2.0 (frame 48000) */
    mc_ring_push_pattern(&ring, P_LEN, 100, P_N, P_BEATS, P_ST, P_D1, P_D2);
    run_blocks(&s, &ring, 0, 10, 120, 1); /* note 60 sounds */
    g_n = 0;
    run_blocks(&s, &ring, 48000, 1, 120, 1);
    CHECK(g_n >= 2 && g_out[0].st == 0x80 && g_out[0].d1 == 60 && g_out[0].frame == 48000,
          "jump: note-off of 60 at the block start");
    CHECK(g_n >= 2 && g_out[1].st == 0xB0 && g_out[1].d1 == 7 && g_out[1].frame == 48000, "CC7 at beat 2.0");
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

static void test_audition_own_clock(void) {
    fprintf(stderr, "audition with the transport stopped: own clock at the host tempo (or the pattern's)\n");
    mc_ring ring;
    mc_sched s;
    g_n = 0;
    mc_ring_init(&ring, 1024);
    mc_sched_init(&s, SR);
    mc_ring_push_pattern(&ring, P_LEN, 90, P_N, P_BEATS, P_ST, P_D1, P_D2);
    run_blocks(&s, &ring, 0, 3, 120, 0);
    mc_ring_push_simple(&ring, MC_REC_AUDITION_ON);
    g_n = 0;
    /* stopped host without tempo: the pattern's 90 BPM; audition starts at its block */
    for (int b = 0; b < 200; b++) {
        g_block_start = 100000 + (long)b * BLOCK;
        mc_sched_drain(&s, &ring, MC_DRAIN_PER_BLOCK);
        mc_transport t = {.playing = false, .has_tempo = false};
        mc_sched_render(&s, &t, 0, BLOCK, capture, NULL);
    }
    int found = 0;
    for (int i = 0; i < g_n; i++) {
        if (g_out[i].st == 0xB0 && g_out[i].d1 == 7) {
            CHECK(g_out[i].frame == 100000 + expected_frame(2.0, 90), "CC7 at beat 2 of 90 BPM: %ld",
                  g_out[i].frame);
            found++;
        }
    }
    CHECK(found == 1, "one CC7 in 200 blocks (%d)", found);
    mc_ring_push_simple(&ring, MC_REC_AUDITION_OFF);
    g_n = 0;
    g_block_start = 300000;
    mc_sched_drain(&s, &ring, MC_DRAIN_PER_BLOCK);
    mc_transport t = {.playing = false};
    mc_sched_render(&s, &t, 0, BLOCK, capture, NULL);
    CHECK(count_cc123(0) == 16, "audition off: CC123 on all channels");
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

static void test_big_pattern_commits_over_blocks(void) {
    fprintf(stderr, "a 65,536-event pattern commits over several blocks, at most %d records each\n",
            MC_DRAIN_PER_BLOCK);
    static double beats[MC_MAX_EVENTS];
    static uint8_t st[MC_MAX_EVENTS], d1[MC_MAX_EVENTS], d2[MC_MAX_EVENTS];
    for (int i = 0; i < MC_MAX_EVENTS; i++) {
        beats[i] = (i / 2) * (64.0 / (MC_MAX_EVENTS / 2));
        st[i] = (i % 2) ? 0x90 : 0x80;
        d1[i] = (uint8_t)(36 + (i / 2) % 48);
        d2[i] = 100;
    }
    mc_ring ring;
    mc_sched s;
    mc_ring_init(&ring, MC_RING_DEFAULT_CAPACITY);
    mc_sched_init(&s, SR);
    CHECK(mc_ring_push_pattern(&ring, 64, 120, MC_MAX_EVENTS, beats, st, d1, d2), "push 65,536");
    CHECK(!mc_ring_push_pattern(&ring, 64, 120, MC_MAX_EVENTS, beats, st, d1, d2), "a second does not fit");
    int blocks = 0;
    while (!s.has_pattern && blocks < 100) {
        mc_sched_drain(&s, &ring, MC_DRAIN_PER_BLOCK);
        blocks++;
    }
    CHECK(s.has_pattern && s.active->count == MC_MAX_EVENTS, "committed");
    CHECK(blocks == (MC_MAX_EVENTS + 2 + MC_DRAIN_PER_BLOCK - 1) / MC_DRAIN_PER_BLOCK, "in %d blocks", blocks);
    /* malformed: events out of order are refused, the playing pattern stays */
    double bad[] = {1.0, 0.5};
    uint8_t bst[] = {0x90, 0x90}, bd[] = {60, 61};
    mc_ring_push_pattern(&ring, 4, 120, 2, bad, bst, bd, bd);
    mc_sched_drain(&s, &ring, MC_DRAIN_PER_BLOCK);
    CHECK(s.active->count == MC_MAX_EVENTS && s.rejected_patterns == 1, "out-of-order pattern rejected");
    mc_sched_free(&s);
    mc_ring_free(&ring);
}

int main(void) {
    test_placement(120.0);
    test_placement(97.3);
    test_placement(173.0);
    test_stop_sends_notes_off_and_cc123();
    test_transpose_and_velocity();
    test_pattern_change_clear_and_jump();
    test_audition_own_clock();
    test_big_pattern_commits_over_blocks();
    if (g_failures) {
        fprintf(stderr, "test_sched: %d FAILED\n", g_failures);
        return 1;
    }
    fprintf(stderr, "test_sched: all passed\n");
    return 0;
}
