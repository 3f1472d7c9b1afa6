/*
 * mc_sched.h: the audio-thread half of an instance. It drains the ring into a preallocated staging pattern, swaps it
 * in when complete, and places the playing pattern's events sample-accurately against a transport (the host's, or
 * its own audition clock), applying transpose and velocity scale at output time.
 *
 * Everything here except init/free is [audio-thread]: no allocation, no locks, no system calls, no Java.
 */
#ifndef MC_SCHED_H
#define MC_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include "mc_ring.h"

#define MC_MAX_EVENTS 65536          /* com.midicenter.plugin.Pattern.MAX_EVENTS */
#define MC_DRAIN_PER_BLOCK 2048      /* ring records copied per process() call at most: bounds the block's cost to ~15 us;
                                        a largest pattern (65,536 events) commits over 33 blocks */
#define MC_MIN_LOOP_BEATS (1.0 / 64) /* shorter loops are refused (and cost too many wraps per block) */

typedef struct mc_event {
    double beat;
    uint8_t status, data1, data2, pad[5];
} mc_event;

typedef struct mc_pattern {
    mc_event *ev; /* MC_MAX_EVENTS preallocated */
    uint32_t count;
    double length_beats;
    double bpm;
} mc_pattern;

/* The transport at the first frame of a render range. Positions and tempo in quarter notes. */
typedef struct mc_transport {
    bool playing;    /* rolling, with a beat timeline */
    bool has_tempo;  /* tempo below is the host's */
    double pos_beats;
    double tempo_bpm;
} mc_transport;

/* Receives one outgoing MIDI message at a frame of the current block; called in frame order. */
typedef void (*mc_emit_fn)(void *ctx, uint32_t frame, uint8_t status, uint8_t data1, uint8_t data2);

enum { MC_MODE_NONE = 0, MC_MODE_HOST = 1, MC_MODE_AUDITION = 2 };

typedef struct mc_sched {
    double sample_rate;
    /* parameters, set by the owner before each render range */
    int transpose_semitones;   /* -24..24, never applied on channel 10 */
    double velocity_percent;   /* 0..200 */

    mc_pattern patterns[2];
    mc_pattern *active;
    mc_pattern *staging;
    bool has_pattern;
    bool staging_open;
    bool staging_valid;
    uint32_t staging_expected;

    bool audition;
    double audition_pos_beats;

    int mode;
    bool have_next;
    double next_beat; /* where the previous range ended, in the clock of `mode` */
    double next_pos;  /* where the next block starts if the clock runs on: the previous block's start + its length */

    bool panic_pending;     /* note-offs + CC123 on all channels at the next range */
    bool notes_off_pending; /* note-offs of the sounding notes at the next range */

    uint8_t sounding[16][128]; /* output key + 1 of the note started by (channel, source key), 0 = silent */
    uint32_t sounding_count;

    uint32_t rejected_patterns; /* malformed patterns dropped (read by the main thread for the log) */
} mc_sched;

/* [main-thread] */
bool mc_sched_init(mc_sched *s, double sample_rate);
void mc_sched_free(mc_sched *s);

/* [audio-thread] reads up to max_records committed ring records */
void mc_sched_drain(mc_sched *s, mc_ring *ring, uint32_t max_records);

/* [audio-thread] renders frames [frame0, frame0 + frames) of a block whose transport at frame0 is *t */
void mc_sched_render(mc_sched *s, const mc_transport *t, uint32_t frame0, uint32_t frames, mc_emit_fn emit,
                     void *ctx);

/* [audio-thread] note-offs of the sounding notes, then CC123 (all notes off) on all 16 channels */
void mc_sched_panic(mc_sched *s, uint32_t frame, mc_emit_fn emit, void *ctx);

#endif
