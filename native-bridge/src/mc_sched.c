/* mc_sched.c: ring draining and sample-accurate placement (contract in mc_sched.h). */
#include "mc_sched.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* a host position within this many frames of where the previous block ended continues it (rounding in the host's
 * fixed point)... */
#define MC_CONTINUITY_FRAMES 2.0
/* ...or within this many beats: hosts that count in ticks (Ardour: 1,920 a beat, 12.5 frames at 120 BPM / 48 kHz)
 * step by more than a frame; a real relocation is far more than 1/240 beat (2 ms at 120 BPM) */
#define MC_CONTINUITY_BEATS (1.0 / 240.0)
/* an event within this fraction of a frame before a frame boundary sounds on that frame */
#define MC_FRAME_EPSILON 1e-3 /* > the 2^-31-beat rounding of CLAP positions, in frames, at any sane tempo and rate */

bool mc_sched_init(mc_sched *s, double sample_rate) {
    memset(s, 0, sizeof *s);
    for (int i = 0; i < 2; i++) {
        s->patterns[i].ev = malloc(MC_MAX_EVENTS * sizeof(mc_event));
        if (s->patterns[i].ev == NULL) {
            mc_sched_free(s);
            return false;
        }
        /* touch every page now, on the main thread: no page fault on the audio thread's first big pattern */
        memset(s->patterns[i].ev, 0, MC_MAX_EVENTS * sizeof(mc_event));
    }
    s->active = &s->patterns[0];
    s->staging = &s->patterns[1];
    s->sample_rate = sample_rate > 0 ? sample_rate : 48000;
    s->velocity_percent = 100;
    return true;
}

void mc_sched_free(mc_sched *s) {
    free(s->patterns[0].ev);
    free(s->patterns[1].ev);
    memset(s, 0, sizeof *s);
}

static void mc_sched_apply(mc_sched *s, const mc_record *rec) {
    mc_pattern *st = s->staging;
    switch (rec->type) {
    case MC_REC_BEGIN:
        s->staging_open = true;
        s->staging_expected = (uint32_t)rec->count;
        s->staging_valid = rec->count >= 0 && rec->count <= MC_MAX_EVENTS && isfinite(rec->value) &&
                           rec->value >= MC_MIN_LOOP_BEATS;
        st->count = 0;
        st->length_beats = rec->value;
        break;
    case MC_REC_EVENT:
        if (!s->staging_open || !s->staging_valid) {
            break;
        }
        if (st->count >= MC_MAX_EVENTS || !(rec->value >= 0 && rec->value < st->length_beats) ||
            (st->count > 0 && rec->value < st->ev[st->count - 1].beat) || rec->status < 0x80 ||
            rec->status >= 0xF0) {
            s->staging_valid = false;
            break;
        }
        st->ev[st->count++] = (mc_event){.beat = rec->value, .status = rec->status, .data1 = rec->data1 & 0x7F,
                                         .data2 = rec->data2 & 0x7F};
        break;
    case MC_REC_END:
        if (s->staging_open && s->staging_valid && st->count == s->staging_expected) {
            st->bpm = isfinite(rec->value) && rec->value > 0 ? rec->value : 120;
            s->staging = s->active;
            s->active = st;
            s->has_pattern = true;
            s->panic_pending = true;
            s->audition_pos_beats = 0;
        } else if (s->staging_open) {
            s->rejected_patterns++;
        }
        s->staging_open = false;
        break;
    case MC_REC_CLEAR:
        s->has_pattern = false;
        s->panic_pending = true;
        s->staging_open = false;
        break;
    case MC_REC_AUDITION_ON:
        s->audition = true;
        s->audition_pos_beats = 0;
        s->notes_off_pending = true;
        s->have_next = false;
        break;
    case MC_REC_AUDITION_OFF:
        s->audition = false;
        break;
    default:
        break;
    }
}

void mc_sched_drain(mc_sched *s, mc_ring *ring, uint32_t max_records) {
    if (ring->mem == NULL) {
        return;
    }
    uint32_t w = atomic_load_explicit(mc_ring_write_idx(ring), memory_order_acquire);
    uint32_t r = atomic_load_explicit(mc_ring_read_idx(ring), memory_order_relaxed);
    uint32_t n = w - r;
    if (n > max_records) {
        n = max_records;
    }
    for (uint32_t i = 0; i < n; i++) {
        mc_sched_apply(s, mc_ring_slot(ring, r + i));
    }
    atomic_store_explicit(mc_ring_read_idx(ring), r + n, memory_order_release);
}

static void mc_sched_notes_off(mc_sched *s, uint32_t frame, mc_emit_fn emit, void *ctx) {
    if (s->sounding_count == 0) {
        return;
    }
    for (int ch = 0; ch < 16; ch++) {
        for (int key = 0; key < 128; key++) {
            uint8_t out = s->sounding[ch][key];
            if (out) {
                emit(ctx, frame, (uint8_t)(0x80 | ch), (uint8_t)(out - 1), 0);
                s->sounding[ch][key] = 0;
            }
        }
    }
    s->sounding_count = 0;
}

void mc_sched_panic(mc_sched *s, uint32_t frame, mc_emit_fn emit, void *ctx) {
    mc_sched_notes_off(s, frame, emit, ctx);
    for (int ch = 0; ch < 16; ch++) {
        emit(ctx, frame, (uint8_t)(0xB0 | ch), 123, 0);
    }
}

/* One pattern event out, with transpose and velocity scale, tracking the notes it starts. */
static void mc_sched_out(mc_sched *s, const mc_event *e, uint32_t frame, mc_emit_fn emit, void *ctx) {
    uint8_t type = e->status & 0xF0, ch = e->status & 0x0F;
    int shift = ch == 9 ? 0 : s->transpose_semitones;
    if (type == 0x90 && e->data2 > 0) {
        int key = e->data1 + shift;
        if (s->sounding[ch][e->data1]) { /* retrigger: end the old one first */
            emit(ctx, frame, (uint8_t)(0x80 | ch), (uint8_t)(s->sounding[ch][e->data1] - 1), 0);
            s->sounding[ch][e->data1] = 0;
            s->sounding_count--;
        }
        if (key < 0 || key > 127 || s->velocity_percent <= 0) {
            return;
        }
        long vel = lround(e->data2 * s->velocity_percent / 100.0);
        vel = vel < 1 ? 1 : vel > 127 ? 127 : vel;
        emit(ctx, frame, e->status, (uint8_t)key, (uint8_t)vel);
        s->sounding[ch][e->data1] = (uint8_t)(key + 1);
        s->sounding_count++;
    } else if (type == 0x80 || type == 0x90) {
        uint8_t out = s->sounding[ch][e->data1];
        if (out) { /* only notes this instance started: a jump into a held note sends no stray off */
            emit(ctx, frame, (uint8_t)(0x80 | ch), (uint8_t)(out - 1), type == 0x80 ? e->data2 : 0);
            s->sounding[ch][e->data1] = 0;
            s->sounding_count--;
        }
    } else if (type == 0xA0) {
        int key = e->data1 + shift;
        if (key >= 0 && key <= 127) {
            emit(ctx, frame, e->status, (uint8_t)key, e->data2);
        }
    } else if (type == 0xC0 || type == 0xD0) {
        emit(ctx, frame, e->status, e->data1, 0);
    } else {
        emit(ctx, frame, e->status, e->data1, e->data2);
    }
}

/* first index whose beat >= b */
static uint32_t mc_lower_bound(const mc_event *ev, uint32_t n, double b) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ev[mid].beat < b) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Events whose looped position lies in [from, to), placed against origin p0 (the position of frame0). */
static void mc_sched_place(mc_sched *s, double from, double to, double p0, double frames_per_beat, uint32_t frame0,
                           uint32_t frames, mc_emit_fn emit, void *ctx) {
    const mc_pattern *p = s->active;
    const double len = p->length_beats;
    if (p->count == 0 || !(to > from)) {
        return;
    }
    double base = floor(from / len) * len;
    double local = from - base;
    if (local < 0) {
        local = 0;
    }
    uint32_t idx = mc_lower_bound(p->ev, p->count, local);
    for (;;) {
        for (; idx < p->count; idx++) {
            double q = base + p->ev[idx].beat;
            if (q >= to) {
                return;
            }
            double f = floor((q - p0) * frames_per_beat + MC_FRAME_EPSILON);
            uint32_t off = f <= 0 ? 0 : f >= frames ? frames - 1 : (uint32_t)f;
            mc_sched_out(s, &p->ev[idx], frame0 + off, emit, ctx);
        }
        base += len;
        if (base >= to) {
            return;
        }
        idx = 0;
    }
}

void mc_sched_render(mc_sched *s, const mc_transport *t, uint32_t frame0, uint32_t frames, mc_emit_fn emit,
                     void *ctx) {
    int mode = t->playing ? MC_MODE_HOST : s->audition && s->has_pattern ? MC_MODE_AUDITION : MC_MODE_NONE;
    if (s->panic_pending || (mode != s->mode && s->mode != MC_MODE_NONE)) {
        /* transport stopped or started, audition ended, the pattern changed or cleared */
        mc_sched_panic(s, frame0, emit, ctx);
        s->panic_pending = false;
        s->notes_off_pending = false;
        s->have_next = false;
    } else if (s->notes_off_pending) {
        mc_sched_notes_off(s, frame0, emit, ctx);
        s->notes_off_pending = false;
    }
    if (mode != s->mode) {
        s->have_next = false;
        s->mode = mode;
    }
    if (mode == MC_MODE_NONE || !s->has_pattern || frames == 0) {
        return;
    }

    double tempo = t->has_tempo && t->tempo_bpm > 0 ? t->tempo_bpm : s->active->bpm;
    if (!(tempo >= 1 && tempo <= 2000)) {
        tempo = 120;
    }
    const double frames_per_beat = s->sample_rate * 60.0 / tempo;
    const double p0 = mode == MC_MODE_HOST ? t->pos_beats : s->audition_pos_beats;
    /* the range holds the events whose frame, as computed in mc_sched_place, is < frames: the next range starts
     * exactly there, so an event on a block boundary lands in exactly one block whatever the host's rounding */
    double p = p0;
    double from = p0;
    if (s->have_next) {
        double gap = fabs(p0 - s->next_pos) * frames_per_beat;
        if (gap <= fmax(MC_CONTINUITY_FRAMES, MC_CONTINUITY_BEATS * frames_per_beat)) {
            /* continue exactly where the previous range ended: no gap, no double, no jitter from the host's rounding */
            p = s->next_pos;
            from = s->next_beat;
        } else {
            mc_sched_notes_off(s, frame0, emit, ctx); /* a jump (host loop, locate): end what sounds */
        }
    }
    const double end = p + (frames - MC_FRAME_EPSILON) / frames_per_beat;
    mc_sched_place(s, from, end, p, frames_per_beat, frame0, frames, emit, ctx);
    s->next_beat = end;
    s->next_pos = p + frames / frames_per_beat;
    s->have_next = true;
    if (mode == MC_MODE_AUDITION) {
        s->audition_pos_beats = p0 + frames / frames_per_beat;
    }
}
