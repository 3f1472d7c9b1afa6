/*
 * mc_lv2.c: the LV2 plugin <https://midicenter.example/plugins/browser> from the same core: transpose and velocity
 * control ports, an atom input taking time:Position (the host transport), an atom MIDI output, and state:interface
 * with the Java side's blob. Exports only lv2_descriptor. The bundle holds java/ (jars) and optionally runtime/.
 *
 * No LV2 UI: the browser window is offered through CLAP (see README of native-bridge).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lv2/atom/atom.h>
#include <lv2/atom/util.h>
#include <lv2/core/lv2.h>
#include <lv2/log/log.h>
#include <lv2/midi/midi.h>
#include <lv2/state/state.h>
#include <lv2/time/time.h>
#include <lv2/urid/urid.h>

#include "mc_core.h"

#define MC_LV2_URI "https://midicenter.example/plugins/browser"
#define MC_LV2_STATE_KEY MC_LV2_URI "#state"

enum { PORT_TRANSPOSE = 0, PORT_VELOCITY = 1, PORT_CONTROL = 2, PORT_MIDI_OUT = 3 };

typedef struct mc_urids {
    LV2_URID atom_Blank, atom_Object, atom_Sequence, atom_Chunk, atom_Float, atom_Double, atom_Int, atom_Long;
    LV2_URID midi_MidiEvent;
    LV2_URID time_Position, time_bar, time_barBeat, time_beat, time_beatsPerBar, time_beatUnit,
        time_beatsPerMinute, time_speed, time_frame;
    LV2_URID log_Error, log_Warning, log_Note;
    LV2_URID state_key;
} mc_urids;

typedef struct mc_lv2 {
    mc_instance *inst;
    LV2_Log_Log *log;
    mc_urids u;
    const float *transpose, *velocity;
    const LV2_Atom_Sequence *control;
    LV2_Atom_Sequence *midi_out;
    /* the host transport as last told (time:Position arrives on changes only), at the start of the next run */
    mc_transport t;
    double sample_rate;
} mc_lv2;

static void mc_lv2_log(void *ctx, int level, const char *message) {
    mc_lv2 *self = ctx;
    if (self->log) {
        LV2_URID type = level == MC_LOG_ERROR ? self->u.log_Error
                        : level == MC_LOG_WARNING ? self->u.log_Warning
                                                  : self->u.log_Note;
        self->log->printf(self->log->handle, type, "MIDI Software Center: %s\n", message);
    } else {
        fprintf(stderr, "MIDI Software Center: %s\n", message);
    }
}

static LV2_Handle mc_lv2_instantiate(const LV2_Descriptor *descriptor, double rate, const char *bundle_path,
                                     const LV2_Feature *const *features) {
    (void)descriptor;
    LV2_URID_Map *map = NULL;
    LV2_Log_Log *log = NULL;
    for (int i = 0; features && features[i]; i++) {
        if (strcmp(features[i]->URI, LV2_URID__map) == 0) map = features[i]->data;
        if (strcmp(features[i]->URI, LV2_LOG__log) == 0) log = features[i]->data;
    }
    if (map == NULL) {
        fprintf(stderr, "MIDI Software Center: the host has no urid:map; not instantiated\n");
        return NULL;
    }
    mc_lv2 *self = calloc(1, sizeof *self);
    if (self == NULL) {
        return NULL;
    }
    self->log = log;
    self->sample_rate = rate;
    mc_urids *u = &self->u;
#define MAP(field, uri) u->field = map->map(map->handle, uri)
    MAP(atom_Blank, LV2_ATOM__Blank);
    MAP(atom_Object, LV2_ATOM__Object);
    MAP(atom_Sequence, LV2_ATOM__Sequence);
    MAP(atom_Chunk, LV2_ATOM__Chunk);
    MAP(atom_Float, LV2_ATOM__Float);
    MAP(atom_Double, LV2_ATOM__Double);
    MAP(atom_Int, LV2_ATOM__Int);
    MAP(atom_Long, LV2_ATOM__Long);
    MAP(midi_MidiEvent, LV2_MIDI__MidiEvent);
    MAP(time_Position, LV2_TIME__Position);
    MAP(time_bar, LV2_TIME__bar);
    MAP(time_barBeat, LV2_TIME__barBeat);
    MAP(time_beat, LV2_TIME__beat);
    MAP(time_beatsPerBar, LV2_TIME__beatsPerBar);
    MAP(time_beatUnit, LV2_TIME__beatUnit);
    MAP(time_beatsPerMinute, LV2_TIME__beatsPerMinute);
    MAP(time_speed, LV2_TIME__speed);
    MAP(time_frame, LV2_TIME__frame);
    MAP(log_Error, LV2_LOG__Error);
    MAP(log_Warning, LV2_LOG__Warning);
    MAP(log_Note, LV2_LOG__Note);
    MAP(state_key, MC_LV2_STATE_KEY);
#undef MAP
    char bundle[4096], jars[4096 + 8];
    snprintf(bundle, sizeof bundle, "%s", bundle_path);
    size_t n = strlen(bundle);
    while (n > 1 && bundle[n - 1] == '/') bundle[--n] = '\0';
    snprintf(jars, sizeof jars, "%s/java", bundle);
    self->inst = mc_instance_create(bundle, jars, rate, mc_lv2_log, NULL, self);
    if (self->inst == NULL) {
        free(self);
        return NULL;
    }
    return self;
}

static void mc_lv2_connect(LV2_Handle h, uint32_t port, void *data) {
    mc_lv2 *self = h;
    switch (port) {
    case PORT_TRANSPOSE: self->transpose = data; break;
    case PORT_VELOCITY: self->velocity = data; break;
    case PORT_CONTROL: self->control = data; break;
    case PORT_MIDI_OUT: self->midi_out = data; break;
    default: break;
    }
}

static void mc_lv2_activate(LV2_Handle h) {
    mc_lv2 *self = h;
    self->t = (mc_transport){0};
}

typedef struct mc_lv2_out {
    LV2_Atom_Sequence *seq;
    uint32_t capacity;
    LV2_URID midi_type;
} mc_lv2_out;

static void mc_lv2_emit(void *ctx, uint32_t frame, uint8_t status, uint8_t data1, uint8_t data2) {
    mc_lv2_out *o = ctx;
    struct {
        LV2_Atom_Event ev;
        uint8_t msg[3];
    } e;
    e.ev.time.frames = frame;
    e.ev.body.type = o->midi_type;
    e.ev.body.size = (status & 0xF0) == 0xC0 || (status & 0xF0) == 0xD0 ? 2 : 3;
    e.msg[0] = status;
    e.msg[1] = data1;
    e.msg[2] = data2;
    lv2_atom_sequence_append_event(o->seq, o->capacity, &e.ev); /* full: the event is dropped */
}

static bool mc_atom_number(const mc_urids *u, const LV2_Atom *a, double *out) {
    if (a == NULL) return false;
    if (a->type == u->atom_Float) *out = ((const LV2_Atom_Float *)a)->body;
    else if (a->type == u->atom_Double) *out = ((const LV2_Atom_Double *)a)->body;
    else if (a->type == u->atom_Int) *out = ((const LV2_Atom_Int *)a)->body;
    else if (a->type == u->atom_Long) *out = (double)((const LV2_Atom_Long *)a)->body;
    else return false;
    return true;
}

/* time:Position -> the transport in quarter notes */
static void mc_lv2_position(mc_lv2 *self, const LV2_Atom_Object *obj) {
    const mc_urids *u = &self->u;
    const LV2_Atom *bar = NULL, *bar_beat = NULL, *beat = NULL, *per_bar = NULL, *unit = NULL, *bpm = NULL,
                   *speed = NULL, *frame = NULL;
    lv2_atom_object_get(obj, u->time_bar, &bar, u->time_barBeat, &bar_beat, u->time_beat, &beat, u->time_beatsPerBar,
                        &per_bar, u->time_beatUnit, &unit, u->time_beatsPerMinute, &bpm, u->time_speed, &speed,
                        u->time_frame, &frame, 0);
    double v, beat_unit = 4;
    if (mc_atom_number(u, unit, &v) && v > 0) beat_unit = v;
    const double quarters_per_beat = 4.0 / beat_unit;
    if (mc_atom_number(u, bpm, &v) && v > 0) {
        self->t.tempo_bpm = v * quarters_per_beat;
        self->t.has_tempo = true;
    }
    if (mc_atom_number(u, speed, &v)) self->t.playing = v != 0;
    double b, bb, pb;
    if (mc_atom_number(u, beat, &b)) {
        self->t.pos_beats = b * quarters_per_beat;
    } else if (mc_atom_number(u, bar, &b) && mc_atom_number(u, bar_beat, &bb) && mc_atom_number(u, per_bar, &pb)) {
        self->t.pos_beats = (b * pb + bb) * quarters_per_beat;
    } else if (mc_atom_number(u, frame, &b)) {
        /* a host without musical time (jalv with no JACK timebase master) says only the frame: beats at the tempo */
        double tempo = self->t.has_tempo ? self->t.tempo_bpm : 120;
        self->t.pos_beats = b * tempo / 60.0 / self->sample_rate;
    }
}

static void mc_lv2_advance(mc_lv2 *self, uint32_t frames) {
    if (self->t.playing) {
        double tempo = self->t.has_tempo ? self->t.tempo_bpm : 120;
        self->t.pos_beats += frames * tempo / 60.0 / self->sample_rate;
    }
}

static void mc_lv2_run(LV2_Handle h, uint32_t frames) {
    mc_lv2 *self = h;
    mc_instance *inst = self->inst;
    if (self->midi_out == NULL) {
        return;
    }
    mc_lv2_out out = {self->midi_out, self->midi_out->atom.size, self->u.midi_MidiEvent};
    lv2_atom_sequence_clear(self->midi_out);
    self->midi_out->atom.type = self->u.atom_Sequence;

    if (self->transpose) {
        atomic_store_explicit(&inst->params[MC_PARAM_TRANSPOSE], mc_param_clamp(MC_PARAM_TRANSPOSE, *self->transpose),
                              memory_order_relaxed);
    }
    if (self->velocity) {
        atomic_store_explicit(&inst->params[MC_PARAM_VELOCITY], mc_param_clamp(MC_PARAM_VELOCITY, *self->velocity),
                              memory_order_relaxed);
    }
    mc_instance_audio_begin(inst);

    uint32_t cur = 0;
    if (self->control) {
        LV2_ATOM_SEQUENCE_FOREACH(self->control, ev) {
            if (ev->body.type != self->u.atom_Object && ev->body.type != self->u.atom_Blank) {
                continue;
            }
            const LV2_Atom_Object *obj = (const LV2_Atom_Object *)&ev->body;
            if (obj->body.otype != self->u.time_Position) {
                continue;
            }
            uint32_t at = ev->time.frames < 0 ? 0 : ev->time.frames > frames ? frames : (uint32_t)ev->time.frames;
            if (at > cur) {
                mc_sched_render(&inst->sched, &self->t, cur, at - cur, mc_lv2_emit, &out);
                mc_lv2_advance(self, at - cur);
                cur = at;
            }
            mc_lv2_position(self, obj);
        }
    }
    if (frames > cur) {
        mc_sched_render(&inst->sched, &self->t, cur, frames - cur, mc_lv2_emit, &out);
        mc_lv2_advance(self, frames - cur);
    }
    mc_instance_audio_transport(inst, self->t.playing, self->t.tempo_bpm);
}

static void mc_lv2_deactivate(LV2_Handle h) { (void)h; }

static void mc_lv2_cleanup(LV2_Handle h) {
    mc_lv2 *self = h;
    mc_instance_destroy(self->inst);
    free(self);
}

/* ---- state:interface: one property, the Java side's blob as an atom:Chunk ---- */

static LV2_State_Status mc_lv2_save(LV2_Handle h, LV2_State_Store_Function store, LV2_State_Handle handle,
                                    uint32_t flags, const LV2_Feature *const *features) {
    (void)flags;
    (void)features;
    mc_lv2 *self = h;
    size_t len = 0;
    uint8_t *blob = mc_instance_state_copy(self->inst, &len);
    LV2_State_Status st = LV2_STATE_SUCCESS;
    if (blob) {
        st = store(handle, self->u.state_key, blob, len, self->u.atom_Chunk,
                   LV2_STATE_IS_POD | LV2_STATE_IS_PORTABLE);
        free(blob);
    }
    return st;
}

static LV2_State_Status mc_lv2_restore(LV2_Handle h, LV2_State_Retrieve_Function retrieve,
                                       LV2_State_Handle handle, uint32_t flags, const LV2_Feature *const *features) {
    (void)flags;
    (void)features;
    mc_lv2 *self = h;
    size_t size = 0;
    uint32_t type = 0, vflags = 0;
    const void *data = retrieve(handle, self->u.state_key, &size, &type, &vflags);
    if (data) {
        mc_instance_load_state(self->inst, data, size);
    }
    return LV2_STATE_SUCCESS;
}

static const LV2_State_Interface MC_LV2_STATE = {mc_lv2_save, mc_lv2_restore};

static const void *mc_lv2_extension_data(const char *uri) {
    return strcmp(uri, LV2_STATE__interface) == 0 ? &MC_LV2_STATE : NULL;
}

static const LV2_Descriptor MC_LV2_DESCRIPTOR = {
    MC_LV2_URI,       mc_lv2_instantiate, mc_lv2_connect,      mc_lv2_activate, mc_lv2_run,
    mc_lv2_deactivate, mc_lv2_cleanup,     mc_lv2_extension_data,
};

__attribute__((visibility("default"))) const LV2_Descriptor *lv2_descriptor(uint32_t index) {
    return index == 0 ? &MC_LV2_DESCRIPTOR : NULL;
}
